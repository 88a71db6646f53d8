# Class definition basics: __init__, instance and class attributes, methods, instance __dict__.
class Point:
    dimensions = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def as_tuple(self):
        return (self.x, self.y)
p = Point(1, 2)
q = p.moved(3, 4)
print(p.as_tuple(), q.as_tuple(), p.dimensions, Point.dimensions)
print(sorted(p.__dict__.items()))
p.dimensions = 3
print(p.dimensions, Point.dimensions, q.dimensions)
Point.dimensions = 4
print(q.dimensions)
p.extra = 'dynamic'
print(p.extra, hasattr(q, 'extra'))
method = p.as_tuple
print(method(), Point.as_tuple(q))
print(type(p).__name__, type(p) is Point, Point.__name__)
setattr(p, 'x', 100)
print(getattr(p, 'x'), getattr(p, 'missing', 'default'))
try:
    p.missing
except AttributeError as error:
    print('AttributeError', error)
class Empty:
    pass
e = Empty()
print(e.__dict__)
e.late = 5
print(e.__dict__)
