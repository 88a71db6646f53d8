# bytes and bytearray share the text methods; bytearray methods return bytearrays.
data = b'  Hello World  '
array = bytearray(data)
print(data.strip(), array.strip(), data.lstrip(), array.rstrip(b' d'), data.split(), array.split())
print(data.upper(), array.lower(), data.find(b'o'), array.rfind(b'o'), data.count(b'l'), array.index(b'W'))
print(data.replace(b'l', b'L', 2), array.replace(b'o', b'0'), b'-'.join([b'a', bytearray(b'b')]))
print(b'a,b,,c'.split(b','), b'a b c'.rsplit(b' ', 1), b'abc'.partition(b'b'), array.rpartition(b'o'))
print(b'x\ny\r\nz'.splitlines(), b'x\ny\n'.splitlines(True), b'hi'.center(6), bytearray(b'7').center(3))
print(bytes.fromhex('01 ff'), bytearray.fromhex('6162'), b'\x01\xab'.hex(), b'ab'.hex('-'), array.hex()[:6])
print(b'ab'.startswith(b'a'), array.endswith(b'  '), b'abc'.startswith(b'b', 1), b'123'.isdigit(), b'AB'.isupper())
print(b'ab'.isalpha(), b' \t'.isspace(), b'ab'.islower(), array.decode(), bytearray(b'\xc3\xa9').decode())
for bad in (lambda: b'abc'.index(b'z'), lambda: b'a'.find('a'), lambda: bytes.fromhex('zz'),
            lambda: b'x'.split(b''), lambda: b'a b'.rsplit(None, 1)):
    try:
        print(bad())
    except (ValueError, TypeError, NotImplementedError) as error:
        print(type(error).__name__, error)
