# Prints test vectors for src/library, computed by the MicroPython that runs it.
#
# The expected values come from the reference VM, never from xipy:
#
#   for section in sha256 binascii random struct regex; do
#       node tests/reference/micropython.mjs tools/library_reference_vectors.py $section
#   done > tests/unit/library/data/reference_vectors.txt
#
# (one run per section: the WebAssembly reference overflows its JavaScript stack on some
# long runs).
#
# Line format, fields separated by one space: KIND ARGUMENT... RESULT...
# Byte strings (and str patterns, formats and subjects, as UTF-8) are "x" + hex digits,
# integers are decimal, doubles are "d" + the 16 hex digits of their IEEE bits, None is
# "none". A failing call has the result "error TYPE MESSAGE" (MESSAGE to the line's end).
# Inputs come from a fixed LCG so every run prints the same file.

import binascii
import hashlib
import random
import re
import struct
import sys

state = 0x2545F4914F6CDD1D


def next_random():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state >> 32


def random_bytes(length):
    return bytes(next_random() & 0xFF for _ in range(length))


def hex_of(data):
    if isinstance(data, str):
        data = data.encode()
    return "x" + "".join("%02x" % byte for byte in data)


def double_of(value):
    return "d" + "".join("%02x" % byte for byte in struct.pack(">d", value))


def error_of(exception):
    message = exception.args[0] if exception.args else ""
    return "error %s %s" % (type(exception).__name__, message)


def value_of(value):
    if value is None:
        return "none"
    if isinstance(value, float):
        return double_of(value)
    if isinstance(value, (bytes, str)):
        return hex_of(value)
    return str(value)


def sha256_vectors():
    for length in list(range(0, 130)) + [200, 1000, 4096]:
        data = random_bytes(length)
        print("sha256", hex_of(data), hex_of(hashlib.sha256(data).digest()))
    # Streaming: pieces give the digest of the whole; after digest() the object is final.
    hasher = hashlib.sha256(b"ab")
    hasher.update(b"")
    hasher.update(b"c")
    first = hasher.digest()
    results = []
    for action in [hasher.digest, lambda: hasher.update(b"def")]:
        try:
            action()
            results.append("ok")
        except Exception as exception:
            results.append(type(exception).__name__ + ":" + exception.args[0].replace(" ", "_"))
    print("sha256_final x616263", hex_of(first), " ".join(results))


def binascii_vectors():
    for length in [0, 1, 2, 3, 4, 5, 31, 64, 100]:
        data = random_bytes(length)
        for start in [0, 1, 0xFFFFFFFF, 0x12345678]:
            print("crc32", hex_of(data), start, binascii.crc32(data, start))
        print("hexlify", hex_of(data), "none", hex_of(binascii.hexlify(data)))
        print("hexlify", hex_of(data), "x3a", hex_of(binascii.hexlify(data, ":")))
        for newline in [True, False]:
            print("b2a_base64", hex_of(data), int(newline),
                  hex_of(binascii.b2a_base64(data, newline=newline)))
        encoded = binascii.b2a_base64(data)
        print("a2b_base64", hex_of(encoded), hex_of(binascii.a2b_base64(encoded)))
    texts = [b"", b"0", b"00", b"0a0B", b"ff 00", b" 01\t02\n", b"0 1", b"zz", b"123", b"AbCdEf",
             b"01\x0b\x0c02", b"g0", b"0g"]
    for text in texts:
        try:
            result = hex_of(binascii.unhexlify(text))
        except Exception as exception:
            result = error_of(exception)
        print("unhexlify", hex_of(text), result)
    texts = [b"aGVsbG8=", b"aGVsbG8", b"aGV sbG8=", b"a", b"aGVsbG8===", b"!!!!", b"YQ==",
             b"YQ=", b"YQ", b"YQ==YQ==", b"Y=Q==", b"YWI=", b"YWI", b"YW=I", b"====", b"Y\nQ\r==",
             b"YWJj", b"YWJjZA", b"YWJjZA=", b"YWJjZA==", b"Y W J j", b"-_-_", b"+/+/", b"=YQ=="]
    for text in texts:
        try:
            result = hex_of(binascii.a2b_base64(text))
        except Exception as exception:
            result = error_of(exception)
        print("a2b_base64", hex_of(text), result)


def random_vectors():
    for seed in [0, 1, 2, 42, 12345, 0xFFFFFFFF, 0x80000000, -1]:
        random.seed(seed)
        print("seed", seed)
        for bits in [32, 1, 8, 31, 0, 16, 32]:
            print("getrandbits", bits, random.getrandbits(bits))
        for stop in [1, 2, 3, 10, 100, 1000, 65537, 0x7FFFFFFF]:
            print("below", stop, random.randrange(stop))
        for _ in range(5):
            print("random", double_of(random.random()))
        print("uniform", double_of(1.5), double_of(-7.25), double_of(random.uniform(1.5, -7.25)))
        print("below", 7, random.randint(0, 6))
        print("below", 5, random.choice([0, 1, 2, 3, 4]))


def struct_vectors():
    formats = ["", "<", "b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "f", "d", "e", "x",
               "s", "P", "O", "S", "?", "n", "N", "Z", "@bi", "=bi", "=", "=3s", "=x", "!h", ">2h",
               "<3xb", "b3xh", "@bq", "@bd", "@be", "@b3s", "@3sh", "@b2h", "@bq3s", "x0q",
               "@x0qb", "10s", "0s", "2s3s", "b 2h", "b\x00h", "<0b", "<b0", "<2", "!", "@",
               "<=b", "b<", "<QqIiHhBb", ">QqIiHhBb", "@hbihbq", "3e", ">fde", "<2s1s0s"]
    for format in formats:
        try:
            result = str(struct.calcsize(format))
        except Exception as exception:
            result = error_of(exception)
        print("calcsize", hex_of(format), result)
    integers = [0, 1, -1, 127, 128, 200, -129, 255, 256, 32767, -32768, 65535, 70000, 2**31 - 1,
                -2**31, 2**32 - 1, 2**32, 2**40, -2**40, 2**63 - 1, -2**63, 2**63, 2**64 - 1, 2**64,
                2**100 + 7, -2**100 - 1]
    for code in "bBhHiIlLqQP":
        for order in "<>@":
            for value in integers:
                format = order + code
                packed = struct.pack(format, value)
                print("pack", hex_of(format), value, hex_of(packed))
                print("unpack", hex_of(format), hex_of(packed), value_of(struct.unpack(format, packed)[0]))
    floats = [0.0, -0.0, 1.0, 1.5, -2.5, 0.1, 1e10, 1e-10, 65504.0, 65519.0, 65520.0, 6e-8, 2e-8,
              3e-8, 1.99995, 1.9999, 3.9999, -1.99995, 1e40, -1e40, 3.4028235e38, 1e-45, 1e-320,
              float("inf"), float("-inf"), float("nan"), 6.1e-5, 6.09e-5, 1e5, 0.333333333]
    for code in "efd":
        for order in "<>@":
            for value in floats:
                format = order + code
                packed = struct.pack(format, value)
                print("pack", hex_of(format), double_of(value), hex_of(packed))
    for bits in [0x0001, 0x03FF, 0x0400, 0x3C00, 0x7BFF, 0x7C00, 0xFC00, 0x7E00, 0x7C01, 0x8000,
                 0x8001, 0xC000, 0x3555, 0x0200]:
        packed = struct.pack("<H", bits)
        print("unpack", hex_of("<e"), hex_of(packed), double_of(struct.unpack("<e", packed)[0]))
    for bits in [b"\x00\x00\x80\x7f", b"\xcd\xcc\xcc\x3d", b"\x01\x00\x00\x00", b"\xff\xff\x7f\x7f"]:
        print("unpack", hex_of("<f"), hex_of(bits), double_of(struct.unpack("<f", bits)[0]))
    print("pack", hex_of("<3s"), hex_of(b"abcdef"), hex_of(struct.pack("<3s", b"abcdef")))
    print("pack", hex_of("<3s"), hex_of(b"a"), hex_of(struct.pack("<3s", b"a")))
    data = bytes(range(1, 41))
    for format in ["@bi", "@hbihbq", "<QqIiHhBb", ">QqIiHhBb", "@bq3s", "@x0qb", "<3xb",
                   "<2s1s0s", "@bd", ">fde"]:
        size = struct.calcsize(format)
        values = struct.unpack(format, data[:size])
        print("unpack_all", hex_of(format), hex_of(data[:size]), " ".join(value_of(v) for v in values))


def regex_vectors():
    # No pattern whose loop body can match empty, like (a*)*: re1.5 then recurses without
    # end and the reference dies of JavaScript stack overflow (xipy reports a depth error).
    cases = [
        ("a", "a"), ("a", "ba"), ("abc", "xabcx"), ("a.c", "a\nc"), ("\\d+", "ab123"),
        ("[a-c]+", "xxabcd"), ("[^a]", "aab"), ("(a|b)*c", "ababc"), ("(?:ab)+", "ababx"),
        ("^a", "ba"), ("a$", "ab"), ("a$", "ba\n"), ("a$", "ba"), ("\\w+\\s\\W", "hi !"),
        ("a??b", "ab"), ("a+?", "aaa"), ("x*?y", "xxy"), ("(a)(b)?", "a"),
        ("(a)|(b)", "b"), ("[-a]", "-"), ("[a-]", "-"), ("[\\d]", "a1"), ("[\\]]", "]"),
        ("[]a]", "]a"), ("[]a]", "a"), ("\\n", "\n"), ("\\n", "n"), ("\\.", "a."), ("a|", "b"),
        ("|a", "a"), ("()", ""), ("a{2}", "aaa"), ("a{2}", "a{2}"), ("{", "{"), ("[z-a]", "b"),
        ("(((a)))", "a"), ("\\s", "\x0b"), ("[^\\s]+", "ab c"), ("[\\w-]+", "a-b"),
        ("\\D\\S\\W", "a1 "), ("\\D\\S\\W", "x! "), ("[\\D]", "1"), ("[^\\d\\s]+", "12ab 3"),
        ("(a|ab)(c|bcd)(d*)", "abcd"), ("(a+|b+)*c", "aabbc"),
        ("([a-z]+)@([a-z]+)\\.com", "mail bob@example.com now"), ("a.b", "a\xe9b"),
        ("[\xe0-\xff]", "\xe9"), ("[^a]", "\xe9"), ("\\w", "\xe9"), ("(?:a|b)+?c", "ababc"),
        ("^$", ""), ("$", "ab"), ("^", "ab"), ("a*", "bbb"), ("a*$", "baa"), ("(a?)(b?)", "b"),
        ("a\\", "a"), ("(", "x"), ("a)", "x"), (")", "x"), ("a)[", "x"), ("[a", "x"),
        ("*a", "x"), ("a**", "x"), ("+", "x"), ("?", "x"), ("a|*", "x"), ("^*", "x"),
        ("(?P<x>a)", "a"), ("[a-", "x"), ("[\\", "x"), ("(?:", "x"), ("(?", "x"), ("a|b|c", "c"),
        ("a" * 70, "a" * 70), ("(?:" + "a" * 60 + ")*", "a"), ("(?:" + "a" * 70 + ")*", "a"),
        ("[" + "a" * 127 + "]", "a"), ("[" + "a" * 128 + "]", "a"),
        ("(a)" * 63, "a" * 63), ("(a)" * 64, "a" * 64), ("(a|b|c|d|e)+", "edcbaz"),
        ("\\$", "$"), ("\\(a\\)", "(a)"), ("\\t", "t"), ("a\\|b", "a|b"), ("[.]", "a."),
        ("[a-c-e]", "-"), ("[a\\-z]", "-"), ("[\\-]", "-"), ("[^]", "^]"), ("[^-a]", "b"),
    ]
    # Subjects go in as bytes: a str group that splits a UTF-8 character raises UnicodeError
    # on the reference, and matching works on the same bytes either way.
    for pattern, subject in cases:
        subject = subject.encode()
        try:
            compiled = re.compile(pattern)
        except Exception as exception:
            print("regex_compile", hex_of(pattern), error_of(exception))
            continue
        for mode in ["match", "search"]:
            found = getattr(compiled, mode)(subject)
            groups = []
            if found is not None:
                index = 0
                while True:
                    try:
                        groups.append(value_of(found.group(index)))
                    except IndexError:
                        break
                    index += 1
            print("regex_" + mode, hex_of(pattern), hex_of(subject), len(groups), " ".join(groups))
    positions = [("a", "aaa", 1, None), ("^a", "aaa", 1, None), ("a$", "aab", 0, 2),
                 ("b", "abc", 5, None), ("a", "abc", -3, None), ("c", "abc", 0, 2), ("$", "abc", 1, 2)]
    for pattern, subject, start, end in positions:
        compiled = re.compile(pattern)
        found = compiled.search(subject, start) if end is None else compiled.search(subject, start, end)
        result = "none" if found is None else value_of(found.group(0))
        print("regex_search_range", hex_of(pattern), hex_of(subject), start,
              "none" if end is None else end, result)
    subs = [("a", "x", "banana", 0), ("a", "x", "banana", 2), ("(a)(n)", "\\2\\1", "banana", 0),
            ("(a)", "<\\g<1>>", "banana", 0), ("a", "\\\\", "aa", 0), ("a", "\\n", "aa", 0),
            ("a*", "x", "baac", 0), ("x", "y", "abc", 0), ("(a)|(b)", "[\\1\\2]", "ab", 0),
            ("a", "\\g<0>\\0", "ab", 0), ("(a)", "\\2", "a", 0), ("a", "q\\", "a", 0),
            ("a", "\\g<x>", "a", 0), ("a", "\\012", "a", 0), ("b+", "-", "abbcbbbd", 0),
            ("a", "\\g<1", "a", 0)]
    for pattern, replacement, subject, count in subs:
        try:
            result = hex_of(re.sub(pattern, replacement, subject, count))
        except Exception as exception:
            result = error_of(exception)
        print("regex_sub", hex_of(pattern), hex_of(replacement), hex_of(subject), count, result)
    splits = [("a", "banana", 0), ("a", "banana", 1), (",", "a,b,,c,", 0), ("x*", "axb", 0),
              ("[,;]", "1,2;3", 0), ("(a)", "bab", 0), ("b", "", 0), ("ab", "abab", 0)]
    for pattern, subject, limit in splits:
        try:
            parts = re.compile(pattern).split(subject, limit)
            result = " ".join(hex_of(part) for part in parts)
        except Exception as exception:
            result = error_of(exception)
        print("regex_split", hex_of(pattern), hex_of(subject), limit, result)


SECTIONS = {
    "sha256": sha256_vectors,
    "binascii": binascii_vectors,
    "random": random_vectors,
    "struct": struct_vectors,
    "regex": regex_vectors,
}
for name in sys.argv[1:] or list(SECTIONS):
    SECTIONS[name]()
