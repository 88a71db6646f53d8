# binascii.hexlify / unhexlify, with separators and the errors.
import binascii

print(binascii.hexlify(b'\x01\xab\xff'), binascii.hexlify(b''))
print(binascii.hexlify(b'ab', '-'), binascii.hexlify(b'abc', b':'), binascii.hexlify('hi'))
print(binascii.hexlify(bytearray(b'\x00\x10')), binascii.hexlify(b'abc', ''), binascii.hexlify(b'abc', 'xy'))
print(binascii.unhexlify('0aFF'), binascii.unhexlify(b'0a ff'), binascii.unhexlify(''))
data = bytes(range(0, 256, 17))
print(binascii.unhexlify(binascii.hexlify(data)) == data)
for bad in ['abc', 'zz', '0g', 123, None]:
    try:
        print(binascii.unhexlify(bad))
    except Exception as error:
        print(type(error).__name__, error)
try:
    binascii.hexlify(5)
except TypeError as error:
    print('TypeError', error)
