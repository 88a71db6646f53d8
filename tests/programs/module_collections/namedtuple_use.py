# namedtuple creation from a string or list of fields, access, unpacking and _replace/_asdict
from collections import namedtuple
Point = namedtuple('Point', 'x y')
Color = namedtuple('Color', ['red', 'green', 'blue'])
origin = Point(0, 0)
target = Point(x=3, y=4)
print(origin, target, target.x, target[1], len(target))
x, y = target
print(x + y, target == (3, 4), isinstance(target, tuple))
shade = Color(10, 20, 30)
print(shade, sum(shade), shade.blue)
print(Point(*[7, 8]), Point(y=1, x=2))
print(type(target).__name__)
try:
    Point(1)
except TypeError:
    print('TypeError for missing field')
