# struct.pack_into and unpack_from with offsets, including negative offsets
import struct
buffer = bytearray(12)
struct.pack_into('<HI', buffer, 2, 0xBEEF, 0x01020304)
print(buffer)
print(struct.unpack_from('<HI', buffer, 2), struct.unpack_from('<I', buffer, -6))
print(struct.unpack_from('<B', b'\x07\x08\x09', 1), struct.unpack_from('<2B', b'\x07\x08\x09'))
struct.pack_into('>h', buffer, -2, -1)
print(buffer[-2:])
try:
    struct.unpack_from('<I', b'\x00\x00', 0)
except ValueError as error:
    print('ValueError', error)
