# Conversions between big ints and floats, true division and overflow errors.
print(float(2**70), float(-(2**70)), float(10**20), float(2**1023))
print(int(1e20), int(-1e25), int(2.0**100), int(1.5e18))
print(2**70 / 2, (10**30) / (10**10), 10**20 / 3, -(2**64) / 2**63)
print(2**70 * 1.5, 2**70 + 0.5, 2**70 - 1.0)
print(10**30 // 1e10, 10**30 % 7.0)
for action in (lambda: int(float('inf')), lambda: int(float('-inf')), lambda: int(float('nan'))):
    try:
        print(action())
    except (OverflowError, ValueError) as error:
        print(type(error).__name__, error)
try:
    print(2**80 / 0)
except ZeroDivisionError as error:
    print('ZeroDivisionError', error)
