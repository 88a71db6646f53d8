# bytearray to bytes and str, equality across types, copying and clearing by slice
buffer = bytearray(b'data')
frozen = bytes(buffer)
buffer[0] = ord('D')
print(frozen, buffer, buffer == b'Data', frozen == bytearray(b'data'))
print(buffer.decode(), str(buffer, 'utf-8'))
copy = buffer[:]
copy[1] = ord('A')
print(buffer, copy)
buffer[:] = b''
print(buffer, len(buffer), bool(buffer))
print(bytearray(3) == bytes(3), bytearray(b'x') + b'y', b'y' + bytearray(b'x'))
