# Integer, float and complex-free numeric literal forms: bases, underscores, exponents.
print(0, 7, -7, 47, 48, -16, -17, 1000, -1000)
print(0x1F, 0X1f, 0o17, 0O17, 0b1011, 0B1011)
print(1_000_000, 0x_ff, 0b_1010_1010, 0o_7_7)
print(2**30, 2**31, 2**62, 2**63, 2**64)
print(123456789012345678901234567890)
print(-123456789012345678901234567890)
print(0xFFFFFFFFFFFFFFFFFFFF)
print(1.5, 0.25, 10.0, 1e3, 1E-3, 2.5e+2, .5, 5.)
print(1_0.5, 3e1_0 > 1)
print(type(1).__name__, type(1.0).__name__, type(10**30).__name__)
print(00, 0_0)
x = 12345
y = -98765
print(x, y, x + y)
