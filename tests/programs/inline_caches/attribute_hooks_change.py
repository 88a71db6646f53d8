# Attribute lookups through properties, __getattr__ and __setattr__ while classes change.
class Dynamic:
    @property
    def x(self):
        return "property"

    def __getattr__(self, name):
        return "dynamic " + name


item = Dynamic()
for _ in range(2):
    print(item.x, item.y)
Dynamic.x = "plain"
print(item.x, item.y)
Dynamic.y = "now real"
print(item.x, item.y)


class First:
    def method(self):
        return "first"


class Second:
    def method(self):
        return "second"


print([thing.method() for thing in [First(), Second(), First(), Second()]])
try:
    First().missing
except AttributeError as error:
    print("AttributeError", error)
First.missing = "found"
print(First().missing)


class Guarded:
    def __init__(self):
        self.count = 0


guarded = Guarded()
for step in range(3):
    guarded.count = step
    if step == 1:
        Guarded.__setattr__ = lambda self, name, value: print("hooked", name, value)
print(guarded.count)
del Guarded.__setattr__
guarded.count = 9
print(guarded.count)
