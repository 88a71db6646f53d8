# struct float, double, bytes ('s'), padding ('x'), bool and repeat counts
import struct
print(struct.pack('<f', 1.5), struct.pack('>d', -2.25), struct.unpack('<f', struct.pack('<f', 0.1))[0] != 0.1)
print(struct.unpack('>d', struct.pack('>d', 0.1))[0])
print(struct.pack('5s', b'abc'), struct.pack('2s', b'abcdef'), struct.unpack('3s', b'xyz'))
print(struct.pack('<BxH', 1, 2), struct.pack('<3B', 1, 2, 3), struct.unpack('<2H', b'\x01\x00\x02\x00'))
print(struct.pack('>hhl', 1, 2, 3), struct.unpack('>hhl', b'\x00\x01\x00\x02\x00\x00\x00\x03'))
