# math floor, ceil, trunc, fmod, modf, frexp, ldexp and factorial
import math
print(math.floor(-1.5), math.ceil(-1.5), math.trunc(-1.5), math.floor(3), math.ceil(2.000001))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7.5, -2))
print(math.modf(3.75), math.modf(-2.5), math.modf(0.0))
print(math.frexp(8.0), math.frexp(0.1), math.frexp(0.0), math.ldexp(0.5, 4), math.ldexp(3, -1))
print(math.factorial(0), math.factorial(5), math.factorial(20))
