# Special methods of built-in types called by name; super(), object.__new__ and property
# arguments that MicroPython checks.
d = {1: "one", 2: "two"}
d.__delitem__(1)
print(d)
try:
    d.__delitem__(5)
except KeyError as error:
    print("KeyError", error)
s = {1, 2}
print(s.__contains__(1), s.__contains__(3), frozenset([4]).__contains__(4))
iterator = iter(range(3))
print(iterator.__next__(), next(iterator), iterator.__next__())
try:
    iterator.__next__()
except StopIteration:
    print("StopIteration")
print(iter([5, 6]).__next__(), iter("xy").__next__(), iter({7: 0}).__next__())


class Base:
    pass


for first, second in ((str, 0), (str, int), (0, int), (Base, 1)):
    try:
        super(first, second)
        print("made")
    except TypeError:
        print("TypeError")
print(type(super(Base, Base())).__name__, type(super(Base, Base)).__name__)

for argument in (1, int, object):
    try:
        object.__new__(argument)
    except TypeError:
        print("TypeError")
print(type(object.__new__(Base)).__name__)


class Documented:
    value = property(lambda self: 42, doc="the answer")


print(Documented().value)
