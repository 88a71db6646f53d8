# expect: micropython 1.29
# bytes.decode, bytes.hex, bytes.fromhex and their round trips
data = b'caf\xc3\xa9'
print(data.decode(), data.decode('utf-8') == 'caf\u00e9', len(data.decode()))
print(b'\x00\x01\xfe\xff'.hex(), b''.hex(), bytearray(b'AZ').hex())
print(bytes.fromhex('48656c6c6f'), bytes.fromhex('00ff'), bytes.fromhex(''))
print(bytes.fromhex(b'abc'.hex()) == b'abc')
print(bytearray(b'xy').decode(), memoryview(b'mv').hex())
try:
    bytes.fromhex('abc')
except ValueError as error:
    print('ValueError', error)
