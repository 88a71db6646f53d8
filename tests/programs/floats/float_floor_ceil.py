# math.floor, ceil and trunc on floats, and float truncation through int
import math
for value in [2.5, -2.5, 2.0, -0.1, 1e10 + 0.5]:
    print(value, math.floor(value), math.ceil(value), math.trunc(value), int(value))
print(type(math.floor(1.5)).__name__, math.floor(7), math.ceil(-7))
