# math.pow with an infinite argument gives 0 or inf, not a domain error; finite overflow still errors.
import math

inf = float("inf")
for base in (0.0, 0.5, 0.9, 1.0, 1.2, 2.0, -0.5, -2.0, inf, -inf):
    for exponent in (inf, -inf):
        try:
            print(base, exponent, math.pow(base, exponent))
        except ValueError as error:
            print(base, exponent, "ValueError", error)
try:
    math.pow(10.0, 1000.0)
except ValueError as error:
    print("ValueError", error)
print(math.atan2(inf, 1.0), math.copysign(inf, -1.0))
