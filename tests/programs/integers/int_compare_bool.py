# Integer comparisons, chained comparisons and bool used as an int in arithmetic.
values = [-(2**64), -(2**31), -1, 0, 1, 2**31, 2**64]
for a in values:
    print([a < b for b in values], [a == b for b in values])
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1.0, 2**53 == 2.0**53)
print(True + True, True * 10, False - 1, True / 2, -True, +False)
print(max(3, -7, 2**40), min(3, -7, -2**40), abs(-0), abs(-5))
print(sum(range(100)), sum([2**40] * 4), sum([], 10))
print(bool(0), bool(-1), bool(2**100), int(True), int(False))
print(7 != 7, 7 != 8, not 0, not 5)
