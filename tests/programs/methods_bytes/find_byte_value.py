# expect: micropython 1.29
# bytes and bytearray find/index take one byte as an int; hex() always returns str.
print(b"abcb".find(ord("b")), b"abcb".rfind(98), b"abcb".index(99), b"abcb".rindex(98))
print(bytearray(b"x\x00y").find(0), bytearray(b"xy").find(120, 1))
for value in (-1, 256):
    try:
        b"abc".find(value)
    except ValueError as error:
        print("ValueError", error)
try:
    b"abc".index(100)
except ValueError as error:
    print("ValueError", error)
try:
    b"abc".count(97)
except TypeError:
    print("TypeError")
print(repr(b"".hex()), repr(bytearray().hex()), repr(b"\x01\xff".hex()), repr(b"ab".hex("-")))
