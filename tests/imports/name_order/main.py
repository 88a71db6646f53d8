# dir() lists the names a program makes in the order MicroPython interns them: all of a
# module's names when it loads, whether or not the program has used them yet.
import sys


class Holder:
    pass


built = Holder()
setattr(built, "zeta" + "_built", 1)  # a name made at run time, before the import
import helper

setattr(built, "alpha" + "_late", 2)  # made after the import
built.main_attribute = 3  # a name of this module, first used after the import
built.shared_name = 4  # a name both modules hold
built.unreached_attribute = 5  # a name only helper's never-called function holds
setattr(built, "record" + "_only", 6)  # made at run time, but helper's image holds it
print(dir(built))
print(dir(helper))
print(dir(helper.Record()))
print(sorted(name for name in dir(helper.never_called) if not name.startswith("_")))
