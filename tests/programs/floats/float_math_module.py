# A few math module functions on exact-result inputs.
import math
print(math.sqrt(16), math.sqrt(2), math.floor(-2.5), math.ceil(-2.5), math.floor(3.7), math.ceil(3.2))
print(math.pi, math.e, math.fabs(-3), math.trunc(-3.9) if hasattr(math, 'trunc') else -3)
print(math.isinf(float('inf')), math.isnan(float('nan')), math.isfinite(1.0), math.isinf(1e308))
print(math.copysign(3, -0.0), math.fmod(-7.5, 2), math.pow(2, 10), math.exp(0), math.log(1))
print(math.log(math.e), math.sin(0), math.cos(0), math.atan2(0, 1), math.degrees(math.pi), math.radians(180))
print(type(math.floor(2.5)).__name__, math.floor(1e20))
try:
    math.sqrt(-1)
except ValueError as error:
    print('ValueError', error)
