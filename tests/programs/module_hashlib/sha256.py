# hashlib.sha256 on known vectors, fed whole or in pieces.
import hashlib

print(hashlib.sha256(b'').digest())
print(hashlib.sha256(b'abc').digest())
h = hashlib.sha256()
for piece in [b'abcdbcde', b'cdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq']:
    h.update(piece)
print(h.digest())
long = hashlib.sha256()
for _ in range(100):
    long.update(b'0123456789' * 13)
print(long.digest())
print(hashlib.sha256(b'a' * 55).digest() == hashlib.sha256(b'a' * 55).digest())
print(hashlib.sha256(bytearray(b'abc')).digest() == hashlib.sha256(b'abc').digest())
print(hashlib.sha256('abc').digest() == hashlib.sha256(b'abc').digest())
print(type(hashlib.sha256()))
