# Numbers built with math: sums of series, rounding helpers and big integers through floats.
import math

def newton_sqrt(value):
    guess = value / 2
    for _ in range(30):
        guess = (guess + value / guess) / 2
    return guess

for number in (2, 10, 12345):
    print(number, newton_sqrt(number), math.sqrt(number), math.isclose(newton_sqrt(number), math.sqrt(number)))
total = 0.0
for index in range(1, 1000):
    total += 1 / (index * index)
print(total, math.sqrt(total * 6), math.pi)
print([round(math.sin(math.radians(angle)), 6) for angle in range(0, 361, 45)])
print(math.floor(2 ** 70 + 0.5), math.ceil(-1e17), math.trunc(12345678901234567890.0))
print(math.factorial(30) // math.factorial(28), math.log(math.factorial(20)), math.lgamma(21))
print(math.hypot(3, 4) if hasattr(math, 'hypot') else 5.0, math.copysign(math.inf, -1), math.fabs(-math.inf))
print(math.exp(math.log(7)), math.pow(math.e, 2), math.e ** 2, math.isclose(math.sqrt(math.pi), math.gamma(0.5)))
print(math.frexp(2 ** 60), math.ldexp(*math.frexp(1234.5)), math.modf(-0.0))
