# math trigonometric, inverse and hyperbolic functions, degrees and radians (rounded to 10 places)
import math
def show(*values):
    print(*[round(value, 10) for value in values])
for angle in [0.0, math.pi / 6, math.pi / 4, math.pi / 3]:
    show(math.sin(angle), math.cos(angle), math.tan(angle))
show(math.asin(1), math.acos(1), math.atan(1), math.atan2(1, -1), math.atan2(-0.0, -1))
show(math.asin(0.5), math.acos(0.5), math.atan(-2))
show(math.degrees(math.pi), math.radians(180), math.degrees(1))
show(math.sinh(1), math.cosh(1), math.tanh(0.5))
show(math.asinh(1), math.acosh(2), math.atanh(0.5))
try:
    math.asin(2)
except ValueError as error:
    print('ValueError', error)
