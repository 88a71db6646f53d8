# Ends with an uncaught TypeError writing through a memoryview of immutable bytes.
def patch(buffer):
    view = memoryview(buffer)
    view[0] = 42
    return bytes(buffer)

print(patch(bytearray(b'xy')))
print(patch(b'xy'))
