# Building bytes and bytearray from ints, lists, strings with encodings and other buffers.
print(bytes([1, 2, 255]), bytes(range(65, 70)), bytes(0), bytes(4), bytearray([104, 105]))
print(bytes('héllo', 'utf-8'), bytearray('日', 'utf-8'), 'héllo'.encode(), 'abc'.encode('utf-8'))
print(b'h\xc3\xa9llo'.decode(), bytes(b'abc'), bytes(bytearray(b'xyz')), bytearray(b'copy'))
print(str(b'\xe6\x97\xa5', 'utf-8'), len('日本'.encode()), len(b'\xf0\x9f\x98\x80'.decode()))
print(b'abc'.find(b'c'), b'a,b'.split(b','), b'  x '.strip(), b'abc'.replace(b'b', b'B'), b'ab'.upper() if hasattr(b'', 'upper') else b'AB')
for bad in (lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes('abc'), lambda: bytes(['a'])):
    try:
        print(bad())
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)
