# expect: cpython
# sha1, md5 and hexdigest: not in the reference build; xipy offers them as CPython does.
import hashlib

for name in ['sha1', 'md5', 'sha256']:
    constructor = getattr(hashlib, name)
    for data in [b'', b'abc', b'message digest', b'a' * 1000]:
        print(name, len(data), constructor(data).hexdigest())
    h = constructor()
    h.update(b'The quick brown fox ')
    h.update(b'jumps over the lazy dog')
    print(name, h.digest())
print(hashlib.md5(b'12345678901234567890' * 4).hexdigest())
print(hashlib.sha1(b'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq').hexdigest())
