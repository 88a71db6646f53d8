# binascii base64 encoding and decoding with padding, and crc32 with running values
import binascii
for data in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', b'\x00\xff\xfe']:
    encoded = binascii.b2a_base64(data)
    print(data, encoded, binascii.a2b_base64(encoded) == data)
print(binascii.a2b_base64(b'aGVsbG8gd29ybGQ='))
print(binascii.crc32(b''), binascii.crc32(b'hello'), binascii.crc32(b'world', binascii.crc32(b'hello ')))
print(binascii.crc32(b'hello world'))
