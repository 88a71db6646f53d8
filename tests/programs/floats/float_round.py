# round() with and without ndigits: ties to even, negative ndigits, ints and negative values.
for value in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.4, 0.6, -0.4, -0.6, 1e15 + 0.5, 7.0):
    print(value, round(value), type(round(value)).__name__)
for digits in (0, 1, 2, 3):
    print(digits, round(3.14159, digits), round(-3.14159, digits), round(0.125, digits))
for digits in (-1, -2, -3):
    print(digits, round(12345.678, digits), round(-12345.678, digits), round(12345, digits), round(-12345, digits))
print(round(5, -1), round(15, -1), round(25, -1), round(-35, -1), round(150, -2), round(250, -2))
print(round(7), round(-7), round(2**70), round(7, 2), round(1.0, 5))
print(round(0.0), round(-0.0, 1), round(1e300, 2), round(123.0, -5))
