# Values outside an array typecode's range wrap around to its width, as the reference stores them.
from array import array

print(array('b', [127, 128, 200, -129]), array('B', [255, 256, -1]))
print(array('h', [32767, 32768, -32769]), array('H', [65535, 65536, -1]))
print(array('i', [2**31 - 1, 2**31]), array('I', [-1, 2**32]), array('l', [2**31]), array('L', [2**32 - 1]))
print(array('q', [2**40, -2**63]), array('Q', [2**64 - 1, -1]))
print(array('f', [0.1])[0] == 0.1, array('d', [0.1])[0] == 0.1, array('f', [3])[0], array('d', [True])[0])
print(len(bytes(array('h', [1, 2]))), len(bytes(array('q', [1]))), len(bytes(array('l', [1]))))
print(bytes(array('h', [1, -2])), bytes(array('I', [0x01020304])))
