# bytes repr escapes for control, quote and high bytes
for data in [b"it's", b'"quoted"', b'\'both"', b'\t\n\r', b'\x1b[0m', bytes([0, 127, 128, 255])]:
    print(repr(data), len(data))
print(str(b'x'), repr(bytearray(b"q'")))
