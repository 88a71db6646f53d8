# struct.pack and unpack across byte orders, sizes and alignment.
import struct

for fmt in ['<bhiq', 'bhiq', '>HIQ', '!hh', '@iqi', '3s2x', '0q', 'bi', '=2s3x', '<fde', '2h3b']:
    print(fmt, struct.calcsize(fmt))

print(struct.pack('<bhi', 1, 2, 3))
print(struct.pack('>HIQ', 1, 2, 3))
print(struct.pack('bi', 1, 2))
print(struct.pack('!h', -2), struct.pack('>l', 7), struct.pack('<L', 7))
print(struct.unpack('<hI', b'\xff\xff\x01\x00\x00\x00'))
print(struct.unpack('<Q', b'\xff' * 8), struct.unpack('<q', b'\xff' * 8))
print(struct.unpack('>bB', b'\x80\x80'))
print(struct.unpack('<2h3b', struct.pack('<2h3b', -1, 300, 1, -2, 3)))
print(struct.pack('4s', b'ab'), struct.pack('2s', b'abcd'), struct.unpack('3s', b'xyz'))
print(struct.pack('=2s3x', b'hi'))
print(struct.pack('<i', True), struct.pack('<H', False))


def roundtrip(fmt, *values):
    packed = struct.pack(fmt, *values)
    print(fmt, packed, struct.unpack(fmt, packed))


roundtrip('<iIq', -5, 4000000000, -(2**40))
roundtrip('>Qb', 2**63 + 1, -128)
roundtrip('<x3sx', b'abc')
print(struct.calcsize('P'), struct.calcsize('l'), struct.calcsize('<l'), struct.calcsize('O'))
print(struct.pack('<2xh', 5), struct.unpack('<2xh', b'\x00\x00\x05\x00'))
print(struct.pack('<10s', 'hé'), struct.unpack('<3s2h', b'abc\x01\x00\x02\x00'))
