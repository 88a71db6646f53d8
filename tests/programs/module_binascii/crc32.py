# binascii.crc32: fresh, continued, and with negative or large starting values.
import binascii

print(binascii.crc32(b''), binascii.crc32(b'hello'), binascii.crc32(b'hello world'))
print(binascii.crc32(b'world', binascii.crc32(b'hello ')))
print(binascii.crc32(b'a', -1), binascii.crc32(b'a', 0xffffffff), binascii.crc32(b'a', 2**40 + 1))
print(binascii.crc32(bytes(range(256))))
print(binascii.crc32('text'), binascii.crc32(bytearray(b'text')))
value = 0
for chunk in [b'The ', b'quick ', b'brown ', b'fox']:
    value = binascii.crc32(chunk, value)
print(value == binascii.crc32(b'The quick brown fox'))
try:
    binascii.crc32(b'x', 'y')
except TypeError as error:
    print('TypeError', error)
