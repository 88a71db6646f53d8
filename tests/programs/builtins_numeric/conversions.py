# expect: micropython 1.29
# int, float, bool, chr, ord, str, complex constructors and their errors
print(int("42"), int(" -7 "), int("ff", 16), int("0x1f", 0), int(3.99), int(-3.99), int(True))
print(float("1.5"), float("inf"), float(" -2 "), float(3), bool(0), bool("x"), bool([]))
print(chr(65), chr(0x263A), ord("A"), ord("\u263a"), ord(b"z"))
print(str(12), str(1.25), str(None), repr("x"), complex(1, 2))
for bad in ("12a", ""):
    try:
        int(bad)
    except ValueError as error:
        print("ValueError", error)
try:
    float("nope")
except ValueError as error:
    print("ValueError", error)
try:
    ord("ab")
except TypeError as error:
    print("TypeError", error)
try:
    chr(-1)
except ValueError as error:
    print("ValueError", error)
