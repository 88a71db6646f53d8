# Writing through a memoryview changes the underlying bytearray, including via sub-views.
buffer = bytearray(b'abcdefgh')
view = memoryview(buffer)
view[0] = 65
view[-1] = 72
print(buffer)
view[2:4] = b'XY'
print(buffer)
middle = view[3:6]
middle[0] = 0x2d
middle[1:3] = bytearray(b'**')
print(buffer, bytes(middle), len(middle))
buffer[7] = 33
print(view[7], bytes(view[6:]), bytes(middle))
view[:] = b'12345678'
print(buffer)
