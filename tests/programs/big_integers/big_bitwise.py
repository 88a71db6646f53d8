# Bitwise and, or, xor and invert on positive and negative big ints mixed with small ints.
values = [2**70 + 0x1234, -(2**70) - 0x1234, 2**64 - 1, -(2**64), 0xff, -0xff, -1]
for a in values:
    print(hex(~a), hex(a & 0xffff), hex(a | 0xf), hex(a ^ (2**65)))
for a in values[:4]:
    for b in values:
        print(hex(a & b), hex(a | b), hex(a ^ b))
print((2**100 - 1) & (2**50 - 1) == 2**50 - 1, -(2**100) | 1, (2**100) ^ (2**100))
print(~(2**64) + 2**64, (-1 & (2**80 - 1)) == 2**80 - 1)
