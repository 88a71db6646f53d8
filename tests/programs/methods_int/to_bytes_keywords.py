# expect: micropython 1.29
# int.to_bytes takes length and byteorder by position or by keyword (not both), and signed only
# by keyword.
print((5).to_bytes())
print((5).to_bytes(length=2))
print((5).to_bytes(2, byteorder="little"))
print((-5).to_bytes(length=2, byteorder="little", signed=True))
print((258).to_bytes(byteorder="little", length=3))
try:
    (5).to_bytes(2, "little", byteorder="little")
except TypeError as error:
    print("TypeError", error)
try:
    (5).to_bytes(2, length=2)
except TypeError as error:
    print("TypeError", error)
