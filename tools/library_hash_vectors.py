# Prints SHA-1 and MD5 test vectors for src/library, computed by CPython's hashlib.
#
# The reference MicroPython build has only hashlib.sha256, so these digests come from
# CPython (the algorithms are standard; FIPS 180-4 and RFC 1321 vectors are in the test):
#
#   python3 tools/library_hash_vectors.py > tests/unit/library/data/hash_vectors.txt
#
# Line format: ALGORITHM DATA DIGEST, byte strings as "x" + hex digits. Inputs come from a
# fixed LCG, the same one tools/library_reference_vectors.py uses.

import hashlib

state = 0x2545F4914F6CDD1D


def next_random():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state >> 32


def random_bytes(length):
    return bytes(next_random() & 0xFF for _ in range(length))


for length in list(range(0, 130)) + [200, 1000, 4096]:
    data = random_bytes(length)
    for name in ["sha1", "md5"]:
        print(name, "x" + data.hex(), "x" + hashlib.new(name, data).hexdigest())
