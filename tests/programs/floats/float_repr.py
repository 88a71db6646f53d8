# repr and str of many float values: short round-tripping forms, exponents, signed zero, inf and nan.
values = [0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e16, 1e15, 1e-7, 1e-4, 1e-5, 123456789.0, 2.5, -0.0, 0.0,
          1.0, -1.5, 100.0, 1e22, 1e100, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308,
          3.141592653589793, 2.718281828459045, 0.1 + 0.2, 1.1 * 3, 1e300 * 1e10, -1e300 * 1e10,
          123.456, 9007199254740993.0, 0.5, 0.25, 0.125, 1234567.0, 12345678901234567890.0]
for value in values:
    print(repr(value), str(value))
print(float('inf'), float('-inf'), float('nan'), -float('nan'))
print([0.1, -0.0, 1e-10], (2.0,), {'x': 1.5})
print(1.0 * 10**15, 1.0 * 10**16, 10.0**-4, 10.0**-5)
