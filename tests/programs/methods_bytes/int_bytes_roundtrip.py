# int.to_bytes and int.from_bytes with both byte orders and several lengths
for value in [0, 1, 255, 256, 65535, 0x12345678]:
    big = value.to_bytes(4, 'big')
    little = value.to_bytes(4, 'little')
    print(value, big, little, int.from_bytes(big, 'big'), int.from_bytes(little, 'little'))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'))
print(int.from_bytes(b'', 'big'), int.from_bytes(bytearray(b'\xff'), 'big'))
print((2**64 - 1).to_bytes(8, 'big'), int.from_bytes(b'\xff' * 9, 'big'))
