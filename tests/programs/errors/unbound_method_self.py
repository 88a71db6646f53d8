# A built-in method taken from its class checks the type of the self it is given.
attempts = [
    (str.upper, 5),
    (str.find, 1),
    (bytes.find, 1),
    (bytes.format, 1),
    (bytearray.append, b"x"),
    (list.append, 3),
    (dict.get, 3),
    (set.add, []),
    (int.to_bytes, 1.5),
]
for method, self in attempts:
    try:
        method(self, 1)
    except TypeError as error:
        print("TypeError:", error)

print(str.upper("abc"), list.count([1, 2, 1], 1), bytes.hex(b"\x01"))

