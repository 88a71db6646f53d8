# memoryview over bytes and bytearray: indexing, slicing, writes through to the buffer
data = bytearray(b'abcdef')
view = memoryview(data)
print(len(view), view[0], bytes(view[1:3]))
view[0] = 65
print(data)
window = view[2:5]
window[0] = ord('Z')
print(data, bytes(window), len(window))
readonly = memoryview(b'xyz')
print(bytes(readonly), readonly[-1])
try:
    readonly[0] = 1
except TypeError:
    print('TypeError writing read-only memoryview')
print(list(memoryview(b'\x01\x02\x03')))
