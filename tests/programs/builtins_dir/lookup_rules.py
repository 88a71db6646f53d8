# dir() probes each name with an attribute lookup: an AttributeError hides the name unless
# the class had it (a property whose getter raised), other errors propagate, __dir__ wins.
class Dynamic:
    def __getattr__(self, name):
        if name == "dynamic_answer":
            return 42
        raise AttributeError(name)


class Properties:
    @property
    def working_property(self):
        return 1

    @property
    def failing_property(self):
        raise AttributeError("failing")


class Exploding:
    @property
    def exploding_property(self):
        raise ValueError("exploded")


class CustomListing:
    def __dir__(self):
        return ("second_name", "first_name")


class BrokenListing:
    def __dir__(self):
        raise KeyError("broken")


def class_names(cls):
    # xipy's classes also have CPython's __base__ and __mro__ (docs/compatibility.md).
    return [name for name in dir(cls) if name not in ("__base__", "__mro__")]


dynamic = Dynamic()
print(dir(dynamic))
print(dynamic.dynamic_answer)
print(dir(Properties()))
try:
    dir(Exploding())
except ValueError as error:
    print("ValueError", error)
print(class_names(Exploding))
print(dir(CustomListing()))
print(class_names(CustomListing))
try:
    dir(BrokenListing())
except KeyError as error:
    print("KeyError", error)
try:
    dir(1, 2)
except TypeError as error:
    print("TypeError", error)
