# str, bytes and bytearray constructors from various sources and encodings
print(str(), str(12), str(b'ab'), str(b'ab', 'utf-8'), str(bytearray(b'cd'), 'utf-8'))
print(bytes(), bytes(3), bytes([65, 66]), bytes('h\u00e9', 'utf-8'), bytes(b'copy'))
print(bytes(range(3)), bytes(bytearray(b'x')))
print(bytearray(), bytearray(2), bytearray([1, 255]), bytearray('abc', 'utf-8'))
print(bytearray(b'xyz'), len(bytearray(range(10))))
try:
    bytes([256])
except ValueError as error:
    print('ValueError', error)
try:
    bytes('text')
except TypeError as error:
    print('TypeError', error)
