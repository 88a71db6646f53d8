# struct.pack_into, unpack_from with offsets, and the errors the reference raises.
import struct

print(struct.unpack_from('<h', b'\x00\x01\x02\x03', 1))
print(struct.unpack_from('<h', b'\x00\x01\x02\x03', -2))
print(struct.unpack_from('<h', b'\x00\x01\x02\x03'))
print(struct.unpack('<h', b'\x05\x00\x00'))
print(struct.pack(b'<h', 1), struct.calcsize(b'>q'))
buffer = bytearray(8)
struct.pack_into('<hh', buffer, 2, 5, -1)
print(buffer)
struct.pack_into('>H', buffer, -2, 0x1234)
print(buffer)
print(struct.unpack_from('<hh', buffer, 2))

calls = [
    (struct.pack, ('<h', 1.5)),
    (struct.pack, ('<f', 'x')),
    (struct.pack, ('<Z', 1)),
    (struct.pack, ('<?', 1)),
    (struct.calcsize, ('<h h',)),
    (struct.calcsize, (5,)),
    (struct.unpack, ('<h', b'\x00')),
    (struct.unpack_from, ('<h', b'\x00\x00', 5)),
    (struct.unpack_from, ('<h', b'\x00\x00', -5)),
    (struct.pack, ('<s', 5)),
    (struct.pack, ('<h', '1')),
    (struct.pack_into, ('<h', buffer, 7, 1)),
    (struct.pack_into, ('<h', b'ab', 0, 1)),
    (struct.unpack, ('<h', 5)),
]
for function, arguments in calls:
    try:
        print(function(*arguments))
    except Exception as error:
        print(type(error).__name__, error)
