# int.to_bytes and from_bytes with signed values where supported and fixed lengths
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'), (0).to_bytes(3, 'big'))
print(int.from_bytes(b'\x80\x00', 'big'), int.from_bytes(b'\x00\x80', 'little'))
print(int.from_bytes(b'\x12\x34\x56\x78\x9a\xbc\xde\xf0\x11', 'little'))
print((2**70).to_bytes(9, 'big'), (2**70).to_bytes(10, 'little'))
value = 0xCAFE
print(int.from_bytes(value.to_bytes(2, 'big'), 'big') == value)
