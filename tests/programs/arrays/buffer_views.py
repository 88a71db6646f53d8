# arrays as buffers: memoryview, bytearray conversion and decode of byte arrays
from array import array
data = array('B', [104, 105])
print(bytes(data), bytearray(data), bytes(data).decode())
view = memoryview(data)
view[0] = 72
print(data, list(view))
words = array('H', [0x0102, 0x0304])
print(len(bytes(words)), sorted(bytes(words)))
try:
    array('z', [1])
except ValueError as error:
    print('ValueError', error)
