# Binary and unary arithmetic operators on ints, including floor division and modulo signs.
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
print(-a // b, -a % b, a // -b, a % -b, -a // -b, -a % -b)
print(-a, +a, ~a, ~-a, - -a, not a)
print(a << 3, a >> 2, -a >> 1, a & 12, a | 12, a ^ 12)
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2)
print(7.0 // 2, 7.5 % 2, -7.5 % 2, 7 / 2.0)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))
print(1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 2 ** 3 ** 2)
print(10 - 3 - 2, 100 // 10 // 3, 2 * 3 % 4)
print(True + True, True * 10, False - 1)
big = 10 ** 20
print(big + 1, big * big, big // 7, big % 7, -big >> 3, big & 0xFFFF)
print(1 << 70, (1 << 70) >> 69)
x = 3
print(x * 1.5, x / 1, x - 0.5)
