# An instance of a subclass of type reads, writes and subscripts like any object: a missing
# attribute is an AttributeError and subscripts are TypeErrors, never a read of the instance
# as a class.
class Kind(type):
    pass


d = Kind("X", (), {})
for action in (
    lambda: d.missing,
    lambda: d.__setitem__,
):
    try:
        action()
    except AttributeError as error:
        print("AttributeError", error)
try:
    d[1] = 2
except TypeError as error:
    print("TypeError", error)
try:
    d[1]
except TypeError as error:
    print("TypeError", error)
d.attr = 5
print(d.attr)
