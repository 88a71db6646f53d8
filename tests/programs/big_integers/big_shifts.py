# Shifts of big ints: growing, shrinking back to small ints, negative rounding toward minus infinity.
big = 0x123456789abcdef0123456789
for count in (0, 1, 31, 32, 63, 64, 65, 100, 200):
    print(count, hex(big << count), hex(big >> count), hex(-big >> count))
print((big << 1000) >> 1000 == big, (-big << 500) >> 500 == -big)
print(-(2**100) >> 99, -(2**100) >> 100, -(2**100) >> 101, -(2**100 + 1) >> 100)
print((2**100) >> 98, type((2**100) >> 98).__name__)
print(1 << 127, -1 << 127, (1 << 127) - 1)
