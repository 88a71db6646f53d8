# Arithmetic special methods: binary, reflected and in-place forms, plus NotImplemented fallbacks.
class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return 'Vector(%r, %r)' % (self.x, self.y)
    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)
    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)
    def __mul__(self, scalar):
        return Vector(self.x * scalar, self.y * scalar)
    def __rmul__(self, scalar):
        return Vector(scalar * self.x, scalar * self.y)
    def __truediv__(self, scalar):
        return Vector(self.x / scalar, self.y / scalar)
    def __floordiv__(self, scalar):
        return Vector(self.x // scalar, self.y // scalar)
    def __mod__(self, scalar):
        return Vector(self.x % scalar, self.y % scalar)
    def __pow__(self, exponent):
        return Vector(self.x ** exponent, self.y ** exponent)
    def __neg__(self):
        return Vector(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return self.x * self.x + self.y * self.y
    def __iadd__(self, other):
        self.x += other.x
        self.y += other.y
        return self
a, b = Vector(1, 2), Vector(3, 5)
print(a + b, b - a, a * 3, 3 * a, b / 2, b // 2, b % 2, a ** 2)
print(-a, +a, abs(b))
before = a
a += b
print(a, a is before)
a -= b
print(a, a is before)
a *= 2
print(a)
try:
    a + 1
except AttributeError as error:
    print('AttributeError')
try:
    a & a
except TypeError as error:
    print('TypeError', error)
