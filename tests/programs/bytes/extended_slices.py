# expect: cpython
# Slices of bytes with a step other than 1 (MicroPython's build raises NotImplementedError),
# and the new bytes that +, * and slices build in place, at their edges.
data = bytes(range(20))
print(data[::3], data[5:1:-1], data[::-1][:4], data[3:3], data[::-7], data[100:], data[-3::-5])
print(len(data[::2]), len(data[1::2]), data[::2] + data[1::2] == bytes(list(range(0, 20, 2)) + list(range(1, 20, 2))))
print(data[:4] + b'xy', b'ab' * 3, 2 * b'z', b'' + b'q', b'q' * 0, b'q' * -2, b'' * 5)
print(data[1:5] + bytearray(b'AB'), data[:2] + memoryview(b'CD'))
joined = b''
for piece in (b'one', b'', b'two', data[7:9]):
    joined = joined + piece
print(joined, (joined * 2)[::-2])
