# type can be subclassed; an instance of the subclass is an ordinary, true object.
class Kind(type):
    pass


d = Kind("foo", (), {})
print(not d, True if d else False)
print(type(d) is Kind, isinstance(d, type))

for bases in ((type, tuple), (list, dict)):
    try:
        type("Mixed", bases, {})
    except TypeError as error:
        print("TypeError", error)
