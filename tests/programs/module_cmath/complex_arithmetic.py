# complex arithmetic with cmath helpers: products, quotients and magnitudes
import cmath
first = 1 + 2j
second = 3 - 1j
print(first + second, first - second, first * second, (4 + 2j) / 2)
print(abs(second), first == complex(1, 2), first != second)
print(round(cmath.polar(first * second)[0], 9) == round(abs(first) * abs(second), 9))
print(complex(0, 1) * complex(0, 1), (1 + 1j) * (1 + 1j))
try:
    first < second
except TypeError as error:
    print('TypeError', error)
