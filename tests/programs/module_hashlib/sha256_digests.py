# hashlib.sha256 digests of known inputs, incremental updates and digest lengths
import binascii
import hashlib
for data in [b'', b'abc', b'The quick brown fox jumps over the lazy dog', b'a' * 200]:
    print(binascii.hexlify(hashlib.sha256(data).digest()))
incremental = hashlib.sha256()
incremental.update(b'The quick brown ')
incremental.update(b'fox jumps over the lazy dog')
print(binascii.hexlify(incremental.digest()))
print(len(hashlib.sha256(b'x').digest()), type(hashlib.sha256(b'x').digest()).__name__)
