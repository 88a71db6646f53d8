# getattr, setattr, hasattr, delattr, callable, isinstance, issubclass, type, id, hash
class Point:
    scale = 2

    def __init__(self, x):
        self.x = x

    def doubled(self):
        return self.x * self.scale


point = Point(5)
print(getattr(point, "x"), getattr(point, "y", "none"), hasattr(point, "doubled"))
setattr(point, "y", 7)
print(point.y, hasattr(point, "y"))
delattr(point, "y")
print(hasattr(point, "y"))
try:
    getattr(point, "y")
except AttributeError as error:
    print("AttributeError", error)
print(callable(point.doubled), callable(point), callable(Point), callable(len))
print(isinstance(point, Point), isinstance(3, (str, int)), isinstance("s", int))
print(issubclass(Point, object), issubclass(int, Point), type(point) is Point)
print(type(1), type("s"), type(None), type(Point))
print(id(point) == id(point), hash(7), hash("abc") == hash("abc"))
try:
    hash([])
except TypeError as error:
    print("TypeError", error)
