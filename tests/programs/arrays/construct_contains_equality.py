# Array and bytearray construction from buffers, containment and equality with bytes, as MicroPython.
import array

print(array.array("H", array.array("b", [1, 2])), array.array("b", array.array("I", [1, 2])))
print(array.array("H", b"\x01\x02\x03"), array.array("h", bytearray(4)))
print(bytearray(array.array("h", [1, 2])), bytearray(array.array("b", [-1])))
print(bytearray(memoryview(array.array("H", [258]))))
values = array.array("B", b"12")
data = bytearray(b"12")
for needle in ("12", b"1", bytearray(b"2"), [], None):
    print(needle in values, needle in data)
for needle in (49, 1.5):
    for container in (values, data):
        try:
            print(needle in container)
        except NotImplementedError:
            print("NotImplementedError")
letters = array.array("B", [97, 98, 99])
print(letters == b"abc", b"abc" == letters, letters != b"abc", letters == "abc")
print(letters == bytearray(b"abc"), bytearray(b"abc") == letters, letters == memoryview(b"abc"))
print(letters == array.array("b", [97, 98, 99]), bytearray(b"abc") == b"abc")
