# Step-1 slicing of bytes and bytearray, with out-of-range and negative bounds.
data = b'0123456789'
for start, stop in ((0, 3), (3, None), (None, -2), (-3, None), (5, 2), (-100, 100), (20, 30)):
    print(start, stop, data[start:stop], bytearray(data)[start:stop])
array = bytearray(b'abcdef')
part = array[1:3]
part[0] = ord('X')
print(array, part, type(part).__name__, type(data[1:2]).__name__)
print(data[:0], data[:], data[4:5] == b'4', data[4] == 52)
