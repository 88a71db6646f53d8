# dir() of user instances: instance attributes, class attributes and inherited methods,
# listed in MicroPython's qstr order (static names first, run-time names as interned).
class Base:
    base_level = 1

    def base_method(self):
        return self.base_level


class Derived(Base):
    derived_level = 2

    def __init__(self):
        self.own_value = 3

    def derived_method(self):
        return self.own_value


class Empty:
    pass


print(dir(Empty()))
print(dir(Base()))
print(dir(Derived()))
item = Derived()
item.later_value = 4
print(dir(item))
del item.own_value
print(dir(item))
print(dir(item) == dir(Derived()) + ['later_value'] or dir(item))
# A name created at run time is probed too.
name = "".join(["made", "_at", "_run", "_time"])
setattr(item, name, 5)
print(dir(item)[-2:])
print(hasattr(item, "made_at_run_time"), "made_at_run_time" in dir(item))
# The result is a fresh list each time.
first = dir(item)
first.append("x")
print(len(first) == len(dir(item)) + 1)
# An instance attribute named like one of object's methods is the instance's own.
shadowing = Empty()
shadowing.__hash__ = 5
shadowing.__eq__ = 6
print(dir(shadowing))
# Operator methods have low ids in MicroPython, ahead of the other built-in names.
class Operators:
    def __add__(self, other): return self
    def __lt__(self, other): return False
    def __contains__(self, item): return False
    def __len__(self): return 0
print(dir(Operators()))
