# Concatenating and repeating bytes and bytearray, and comparisons between them.
a = b'ab'
b = bytearray(b'cd')
print(a + a, a + b, b + a, b + b, a * 3, 0 * a, 2 * a, a * -1)
print(type(a + b).__name__, type(b + a).__name__, type(a * 2).__name__)
print(a == b'ab', a == bytearray(b'ab'), b == b'cd', a < b'abc', b'b' > b'abc', bytearray(b'a') < b'b')
print(a == 'ab', b'' == bytearray(), sorted([b'b', b'a', b'ab']), max(b'x', b'xy'))
grown = bytearray()
for value in range(5):
    grown += bytes([value * 10])
print(grown, len(grown))
grown.extend(b'!!')
grown.append(63)
print(grown, b'-'.join([b'x', b'y', b'z']), b''.join([b'a', bytearray(b'b')]))
try:
    print(a + 1)
except TypeError as error:
    print('TypeError', error)
