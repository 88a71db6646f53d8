# dir() of user classes, subclasses of built-in types and exceptions. xipy's types also
# have CPython's __base__ and __mro__ (see docs/compatibility.md): leave those out.
XIPY_ONLY = ("__base__", "__mro__", "__init__", "__repr__", "__str__", "with_traceback",
             "__traceback__")
MICROPYTHON_ONLY = ("value", "errno")


def common(names):
    return [name for name in names if name not in XIPY_ONLY + MICROPYTHON_ONLY]


class Plain:
    plain_attribute = 1

    def plain_method(self):
        pass


class Child(Plain):
    child_attribute = 2

    def __init__(self):
        pass


class Numbers(list):
    def numbers_total(self):
        return sum(self)


class ProblemError(ValueError):
    def problem_detail(self):
        return self.args


print(common(dir(Plain)))
print(common(dir(Child)))
print(common(dir(Child)) == common(dir(Plain)) + ["child_attribute"])
print(common(dir(Numbers)))
print(common(dir(Numbers([1]))))
print(common(dir(ProblemError)))
print(common(dir(ProblemError("bad"))))
print("__init__" in dir(Child), "__init__" in dir(Child()))
