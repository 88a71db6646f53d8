# integer floor division, modulo, shifts and bitwise operators across signs and sizes
for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5)]:
    print(a // b, a % b, a & b, a | b, a ^ b)
print(1 << 70, (1 << 70) >> 68, -1 >> 10, -(2**70) >> 3, ~5, ~-(2**70))
print(2**100 // 3, 2**100 % 7, -(2**100) // 3, -(2**100) % 7)
print(10**20 * 10**20, (10**20 + 1) - 10**20, (2**64) & (2**64 - 1), (2**64) | 1)
print(abs(-(2**65)), -(-(2**65)), +(2**65) == 2**65)
