# Rich comparison methods, reflected comparisons, __eq__ with __hash__ for dict/set keys.
class Version:
    def __init__(self, major, minor):
        self.key = (major, minor)
    def __eq__(self, other):
        return isinstance(other, Version) and self.key == other.key
    def __ne__(self, other):
        return not self == other
    def __lt__(self, other):
        return self.key < other.key
    def __le__(self, other):
        return self.key <= other.key
    def __gt__(self, other):
        return self.key > other.key
    def __ge__(self, other):
        return self.key >= other.key
    def __hash__(self):
        return hash(self.key)
    def __repr__(self):
        return 'v%d.%d' % self.key
a, b, c = Version(1, 2), Version(1, 10), Version(1, 2)
print(a == c, a != b, a < b, a <= c, b > a, b >= a, a == 'v1.2')
print(sorted([b, a, Version(0, 9)]), max(a, b), min([b, a]))
print(len({a, b, c}), {a: 'first'}[c])
print(a in [b, c], a is c)
class OnlyLess:
    def __init__(self, value):
        self.value = value
    def __lt__(self, other):
        print('lt called', self.value, other.value)
        return self.value < other.value
x, y = OnlyLess(1), OnlyLess(2)
print(x < y, y < x)
class AlwaysEqual:
    def __eq__(self, other):
        return True
print(AlwaysEqual() == 5, 5 == AlwaysEqual(), AlwaysEqual() != 5)
class Default:
    pass
d = Default()
print(d == d, d == Default(), d != Default())
