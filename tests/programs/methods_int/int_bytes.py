# int.from_bytes and int.to_bytes, both byte orders, big values
print(int.from_bytes(b"\x01\x02", "big"), int.from_bytes(b"\x01\x02", "little"))
print(int.from_bytes(b"", "big"), int.from_bytes(b"\xff" * 9, "big"))
print((258).to_bytes(2, "big"), (258).to_bytes(4, "little"), (0).to_bytes(1, "big"))
print((2 ** 70).to_bytes(9, "big"), int.from_bytes((2 ** 70).to_bytes(9, "little"), "little"))
print(int.from_bytes(bytearray(b"\x10"), "big"))
