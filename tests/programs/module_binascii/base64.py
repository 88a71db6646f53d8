# expect: micropython 1.29
# binascii base64 in both directions, with and without the newline.
import binascii

for data in [b'', b'h', b'he', b'hel', b'hello', b'\x00\xff\xfe', bytes(range(40))]:
    encoded = binascii.b2a_base64(data)
    print(encoded, binascii.b2a_base64(data, newline=False), binascii.b2a_base64(data, 0))
    print(binascii.a2b_base64(encoded) == data)
print(binascii.a2b_base64(b'aGVsbG8='), binascii.a2b_base64(b'aGVsbA=='))
print(binascii.a2b_base64(b'aGVs\nbG8='), binascii.a2b_base64(b'aG!Vs*bG8='))
for bad in [b'aGVsbG8', b'a']:
    try:
        print(binascii.a2b_base64(bad))
    except Exception as error:
        print(type(error).__name__, error)
