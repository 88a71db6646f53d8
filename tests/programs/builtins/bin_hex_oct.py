# bin, hex and oct of small, negative and big integers, and of objects with __index__
for value in [0, 1, 7, 8, 255, -1, -255, 2**40, -(2**65)]:
    print(value, bin(value), hex(value), oct(value))
print(bin(True), hex(False))
print(int(bin(12345), 2), int(hex(12345), 16), int(oct(12345), 8))
print(hex(0xdeadbeef), oct(0o777))
