# bytearray mutating methods: append, extend, item and slice assignment, del, pop, insert, remove
buffer = bytearray(b'abc')
buffer.append(100)
buffer.extend(b'ef')
buffer.extend([103, 104])
print(buffer)
buffer[0] = 65
buffer[1:3] = b'BC'
print(buffer)
buffer[1:3] = b'xyzw'
print(buffer, len(buffer))
buffer[0:1] = b''
buffer[-2:] = b''
print(buffer)
buffer.extend(bytearray(b'-'))
print(buffer, buffer[-1], buffer.find(b'z'))
buffer += b'!!'
print(buffer, bytes(buffer) * 2)
try:
    buffer[0] = 256
except ValueError as error:
    print('ValueError', error)
print(buffer[0], len(buffer))
