# mixing ints and floats: true division, comparisons with big ints, and type of results
print(type(1 + 1.0).__name__, type(4 / 2).__name__, type(4 // 2).__name__, type(4.0 // 2).__name__)
print(7 / 2, -7 / 2, 1 / 8, 2**53 == float(2**53))
print(2**70 > 1e20, 2**70 < 1e22, 3 == 3.0, 3 < 3.5, -1 < -0.5)
print(divmod(7, 2.0), 7 % 2.5, 2**3.0, 4 ** 0.5)
print(int(1e18), int(-1e18), float(10**18))
try:
    1 / 0
except ZeroDivisionError as error:
    print('ZeroDivisionError', error)
try:
    1.0 / 0
except ZeroDivisionError as error:
    print('ZeroDivisionError', error)
