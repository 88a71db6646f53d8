# int.to_bytes() without a length writes one byte, as in CPython 3.11 and MicroPython.
print((10).to_bytes())
print((200).to_bytes())
print((7).to_bytes(2))
try:
    (300).to_bytes()
except OverflowError:
    print("OverflowError")
