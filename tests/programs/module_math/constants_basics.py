# math constants and basic functions: sqrt, pow, exp, log variants, fabs, copysign
import math
print(math.pi, math.e, math.tau)
print(math.inf, -math.inf, math.isnan(math.nan))
print(math.sqrt(2), math.sqrt(0.0), math.sqrt(16), math.pow(2, 10), round(math.exp(2), 10), math.exp(0))
print(round(math.log(math.e), 10), round(math.log(8, 2), 10), round(math.log10(1000), 10), round(math.log2(1024), 10))
print(math.fabs(-3), math.copysign(2, -0.0), math.copysign(-5, 1))
try:
    math.sqrt(-1)
except ValueError as error:
    print('ValueError', error)
try:
    math.log(0)
except ValueError as error:
    print('ValueError', error)
