# repr of bytes and bytearray: printable ASCII, quotes, escapes and hex for other values.
print(b'plain', b"it's", b'say "x"', b'both \' and "', b'\x00\x01\x7f\x80\xff', b'\t\n\r', b'\\')
print(bytes(range(0, 256, 17)))
print(bytearray(b'a\nb'), bytearray(), bytes(), repr(b'q'), str(b'q'))
print([b'x'], (bytearray(b'y'),), bytes([65, 66, 67]), bytes(3))
