# A memoryview over bytes: len, indexing to ints, slicing, iteration and conversion back to bytes.
data = b'hello world'
view = memoryview(data)
print(len(view), view[0], view[-1], view[4], type(view[0]).__name__)
part = view[6:11]
print(len(part), bytes(part), bytes(view[:5]), bytes(view[-3:]), bytes(view[5:5]), list(view[:3]))
print(bytes(part[1:3]), part[0], bytearray(view[0:2]), bytes(view) == data)
print(sum(view), max(view), [byte for byte in memoryview(b'\x00\x7f\xff')])
print(type(view).__name__, type(part).__name__, len(memoryview(b'')))
