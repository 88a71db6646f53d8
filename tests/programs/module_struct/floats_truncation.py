# struct float codes (f, d, e) and the reference's integer truncation.
import struct

print(struct.pack('<fde', 1.5, 2.25, 0.5))
print(struct.pack('>f', -0.0), struct.pack('>d', 1e300))
print(struct.unpack('<f', struct.pack('<f', 0.1)))
print(struct.unpack('>e', b'\x3c\x00'), struct.unpack('<e', b'\x00\x7c'))
for value in [1.0, -2.5, 65504.0, 0.000061035, 1e10, 1.99995]:
    print(value, struct.pack('<e', value))
print(struct.unpack('<d', struct.pack('<d', 1 / 3)))
print(struct.pack('<f', 3), struct.pack('<d', 2**60))
# Out-of-range integers are truncated to the field, not rejected.
print(struct.pack('<b', 200), struct.pack('<B', -1), struct.pack('<h', 70000))
print(struct.pack('<Q', 2**64 + 5), struct.pack('<q', -2), struct.pack('>I', 2**40 + 3))
print(struct.pack('<q', 2**100 - 1))
# Missing values leave zeros; extra values are ignored.
print(struct.pack('<hh', 1), struct.pack('<h', 1, 2))
