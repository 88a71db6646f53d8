# hashlib.sha256 across block boundaries: feeding the same data in chunks of every size gives one digest
import binascii
import hashlib
data = bytes(range(256)) * 2
expected = hashlib.sha256(data).digest()
print(binascii.hexlify(expected))
for chunk in [1, 3, 55, 56, 63, 64, 65, 200]:
    hasher = hashlib.sha256()
    for start in range(0, len(data), chunk):
        hasher.update(data[start:start + chunk])
    print(chunk, hasher.digest() == expected)
print(binascii.hexlify(hashlib.sha256(bytearray(b'abc')).digest())[:16])
