# Integer power with negative bases and exponents, zero, and three-argument pow.
for base in (-3, -2, -1, 0, 1, 2, 3):
    print(base, [base ** exponent for exponent in range(6)])
print(2 ** -1, (-2) ** -2, 10 ** -3, 4 ** 0.5)
print(0 ** 0, (-1) ** 1001, (-1) ** 1000)
print(pow(2, 10), pow(-2, 31), pow(2, 63), pow(-2, 63), pow(7, 100) % 1000)
print(pow(3, 4, 5), pow(2, 100, 7), pow(-3, 3, 5), pow(3, 3, -5), pow(-3, 3, -5))
print(pow(12345, 6789, 1000003), pow(2, 0, 7), pow(5, 3, 1))
try:
    pow(2, 3, 0)
except ValueError as error:
    print('ValueError', error)
try:
    pow(2, -1, 5)
except ValueError as error:
    print('ValueError', error)
try:
    pow(2.0, 3, 5)
except TypeError as error:
    print('TypeError', error)
try:
    0 ** -1
except ZeroDivisionError as error:
    print('ZeroDivisionError', error)
