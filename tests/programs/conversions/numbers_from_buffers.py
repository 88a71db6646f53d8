# expect: micropython 1.29
# int() and float() parse the bytes of any buffer; str.center counts characters, bytes.center bytes.
import array

print(int(b"12"), int(bytearray(b" -34 ")), int(memoryview(b"56")), int(array.array("b", [55, 56])))
print(float(b"1.5"), float(bytearray(b"-2.25")), float(memoryview(b"1e3")), float(array.array("B", [57])))
print(int(b"ff", 16), int(b"0x10", 0))
for make in (lambda: int(bytearray(b"1x")), lambda: float(bytearray(b"x")), lambda: int(bytearray(b"1"), 10)):
    try:
        print(make())
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)
for text in ("héllo", "你好", "ab"):
    print("[" + text.center(7) + "]", "[" + text.center(2) + "]")
print(b"\xc3\xa9".center(5), bytearray(b"ab").center(5))
