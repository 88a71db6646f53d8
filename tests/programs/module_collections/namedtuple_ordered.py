# namedtuple fields, equality with tuples, errors; OrderedDict keeps insertion order
from collections import namedtuple, OrderedDict
Point = namedtuple("Point", "x y")
Color = namedtuple("Color", ["r", "g", "b"])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], len(p), p == (1, 2), isinstance(p, tuple))
x, y = p
print(x + y, Color(1, 2, 3), list(Color(b=3, g=2, r=1)))
for arguments in ((1,), (1, 2, 3)):
    try:
        Point(*arguments)
    except TypeError as error:
        print(error)
try:
    Point(1, z=2)
except TypeError as error:
    print(error)
try:
    p.x = 5
except AttributeError as error:
    print(error)
o = OrderedDict([("z", 1), ("a", 2)])
o["m"] = 3
print(o, list(o.keys()), "a" in o, len(o))
print(o.popitem(), o, isinstance(o, dict), OrderedDict(k=1))
