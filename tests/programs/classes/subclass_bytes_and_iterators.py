# bytes, map, filter, zip and enumerate can be subclassed; a namedtuple serves as the
# tuple of a % format.
from collections import namedtuple


class Data(bytes):
    pass


class Doubled(map):
    pass


class Evens(filter):
    pass


class Numbered(enumerate):
    pass


data = Data(b"abc")
print(b"b" in data, 99 in data, bytes(data), data + b"d")
print(list(Doubled(lambda x: x * 2, [1, 2, 3])))
print(list(Evens(lambda x: x % 2 == 0, range(7))))
print(list(Numbered("xy")))
Point = namedtuple("Point", ["x", "y"])
print("(%d, %d)" % Point(3, 4))
