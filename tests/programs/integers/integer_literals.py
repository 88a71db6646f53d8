# integer literals in every base with underscores, and big literal arithmetic
print(0b1010, 0o17, 0xFF, 1_000, 0x_ff, 0b_1_0)
print(0xFFFFFFFFFFFFFFFFFFFF, 0o7777777777777777777777)
print(123456789 * 987654321, 999999999999 * 999999999999)
print(-0x80000000, 0x7FFFFFFF + 1, -2**31 - 1, 2**32, 2**63 - 1, -2**63)
