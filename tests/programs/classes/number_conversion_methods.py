# float(), complex(), '%f' and the math functions convert a user class through __float__
# and __complex__; int() needs __int__ to give an int.
import math
import cmath


class Floating:
    def __float__(self):
        return 0.5


class Complexish:
    def __complex__(self):
        return 2 + 3j


class BadFloat:
    def __float__(self):
        return 1


class BadComplex:
    def __complex__(self):
        return 1.5


class BadInt:
    def __int__(self):
        return None


print(float(Floating()), complex(Floating()), complex(Complexish()))
print("%.2f %g" % (Floating(), Floating()))
print(math.sqrt(Floating()), math.floor(Floating()), cmath.phase(Complexish()))
print(cmath.sqrt(Floating()))
for convert in (lambda: float(BadFloat()), lambda: complex(BadComplex()), lambda: int(BadInt()),
                lambda: complex(BadFloat()), lambda: math.exp(BadFloat()), lambda: float(object())):
    try:
        print(convert())
    except TypeError:
        print("TypeError")
