# An instance's __dict__ is a read-only copy; names built at run time meet names set in code.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

point = Point(1, 2)
snapshot = point.__dict__
built = ''.join(['z', 'z'])
try:
    snapshot[built] = 'from dict'
except TypeError:
    print('__dict__ is read-only')
setattr(point, built, 'by setattr')
point.w = 'by name'
print(sorted(snapshot.items()))
print(sorted(point.__dict__.items()))
print(point.zz, getattr(point, 'w'), getattr(point, ''.join(['w'])))
point.zz = 'rebound'
print(getattr(point, built), len(point.__dict__))

# A key removed and names added again, past the first table size.
other = Point(3, 4)
del other.x
other.a = 1
other.b = 2
other.c = 3
other.x = 5
other.d = 6
print(sorted(other.__dict__.items()))
del other.a
other.a = 7
print(other.a, other.x, other.d, len(other.__dict__))

# Many instances, each with attributes in its own order.
def make(order):
    item = Point(0, 0)
    for name in order:
        setattr(item, name, name.upper())
    return item

items = [make('pqrs'), make('srqp'), make('xq'), make('qrstuvwxyz')]
for item in items:
    print(sorted(item.__dict__.items()))
print(getattr(items[3], 'z'), items[1].p, hasattr(items[2], 's'))
