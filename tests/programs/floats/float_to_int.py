# int() of floats truncates toward zero; huge floats become big ints; inf and nan fail.
for value in (0.0, -0.0, 0.9, -0.9, 1.5, -1.5, 2.999, -2.999, 1e10, -1e10, 1e18, 1.5e19, 2.0**63, -2.0**63, 1e30, 2.0**100):
    print(value, int(value))
print(int(123.456e5), int(-1e-5), int(7.0) == 7)
for value in (float('inf'), float('-inf'), float('nan')):
    try:
        print(int(value))
    except (OverflowError, ValueError) as error:
        print(type(error).__name__, error)
