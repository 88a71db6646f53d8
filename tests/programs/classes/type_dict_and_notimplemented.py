# A built-in type's __dict__ lists its attributes; type() takes an OrderedDict namespace;
# a unary special method's NotImplemented is returned as is.
from collections import OrderedDict

print("from_bytes" in int.__dict__, "append" in list.__dict__, "keys" in dict.__dict__)
print(type(type.__dict__).__name__)


class Sample:
    a = 1


print(Sample.__dict__["a"])
Made = type("Made", (), OrderedDict(x=1, y=2))
print(Made.x, Made.y, [name for name in Made.__dict__ if not name.startswith("_")])


class Odd:
    def __neg__(self):
        return NotImplemented

    def __invert__(self):
        return NotImplemented


print(-Odd(), ~Odd())
print(type(hash(NotImplemented)))
