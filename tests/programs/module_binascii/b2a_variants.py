# binascii base64 decoding ignores newlines, and hexlify/unhexlify round trips every byte value
import binascii
every_byte = bytes(range(256))
print(binascii.unhexlify(binascii.hexlify(every_byte)) == every_byte)
print(binascii.a2b_base64(binascii.b2a_base64(every_byte)) == every_byte)
print(len(binascii.b2a_base64(every_byte)))
print(binascii.a2b_base64(b'YWJj\n'), binascii.a2b_base64(b'YWJjZA=='))
print(binascii.b2a_base64(b'\xff' * 5), binascii.a2b_base64(b'////'))
