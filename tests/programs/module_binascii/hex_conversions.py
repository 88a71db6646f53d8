# binascii.hexlify and unhexlify, with and without separators, and bad input
import binascii
print(binascii.hexlify(b'\x00\x10\xab\xff'), binascii.hexlify(b''), binascii.hexlify(b'AB', '-'))
print(binascii.unhexlify(b'48656c6c6f'), binascii.unhexlify('00ff'))
for bad in [b'abc', b'zz']:
    try:
        binascii.unhexlify(bad)
    except ValueError as error:
        print('ValueError', error)
