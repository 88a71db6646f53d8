# Mixed int and float arithmetic and comparisons, including exactness at 2**53.
print(1 + 1.0, 3 * 0.5, 2 - 0.5, 1 / 2.0, 10 // 3.0, 2**10 * 1.0)
print(1 == 1.0, 2 < 2.5, -1 > -1.5, 3 >= 3.0, 0 == -0.0, 1 != 1.0000000001)
print(2**53 == 2.0**53, float(2**53) + 1 == float(2**53), 2**54 > 2.0**53)
values = [-2, -1.5, 0, 0.5, 1, 2.0, 2**31, 2.5e9]
print(sorted(values, key=lambda value: -value))
print(max(1, 1.0), min(1.0, 1), max(2, 2.5), min(-2, -2.5))
print(int(3.9) + 0.5, float(7) / 2, round(7 / 2), type(7 / 7).__name__, type(7 // 7).__name__)
print(True + 0.5, False * 2.5, 1.5 * True)
print(sum([1, 2.5, 3]), sum([0.5] * 4), abs(-3) * 1.5)
print(10 ** -2, 2 ** -3, (-8) ** (1 / 3) if False else (-8) ** 3.0)
print(5 / 2 == 2.5, 1e3 == 1000, 1e3 == 1000.5)
