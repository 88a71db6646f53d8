# Bitwise and, or, xor and invert on negative and positive small ints.
values = [0, 1, -1, 5, -5, 0x7fffffff, -0x80000000, 0x3fffffff, -0x40000000, 255, -256]
for a in values:
    print(a, ~a, a & 0xff, a | 0x100, a ^ -1)
for a in (12, -12, 0x55, -0x55):
    for b in (10, -10, 0xf0, -0xf0):
        print(a & b, a | b, a ^ b, end=' ')
    print()
print(~0, ~~7, -~3, ~-3)
mask = 0
for bit in range(0, 32, 3):
    mask |= 1 << bit
print(mask, hex(mask), mask & ~(1 << 3), mask ^ mask)
