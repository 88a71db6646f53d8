# int and float arithmetic helpers, conversions and special values
print((5).__class__.__name__, (2.5).__class__.__name__, int.__name__, float.__name__)
print(int("7") + 1, float("2.5") * 2, int(-2.5), int(2 ** 40 + 0.0))
print(divmod(17, 5), 17 // 5, 17 % 5, -17 // 5, -17 % 5, 2 ** -1)
print(float("nan") != float("nan"), float("inf") > 10 ** 100, int(1e18))
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, 1e300 * 1e10, -(1e300 * 1e10))
try:
    int(float("inf"))
except OverflowError as error:
    print("OverflowError", error)
try:
    int(float("nan"))
except ValueError as error:
    print("ValueError", error)
