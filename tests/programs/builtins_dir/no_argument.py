# dir() without an argument lists the local namespace: the module's globals at module level
# and inside functions (MicroPython functions have no locals dict), the class body's names.
import math

module_value = 1


def outer_function(parameter):
    local_value = parameter + 1
    names = dir()
    print("local_value" in names, "parameter" in names, "outer_function" in names)
    print(sorted(dir()) == sorted(globals()))
    return local_value


class Namespace:
    class_value = 2
    print(sorted(dir()))

    def method(self):
        pass

    print(sorted(dir()))


print(sorted(dir()))
outer_function(3)
late_value = 4
print(sorted(dir()))
print(type(dir()) is list, len(dir()) == len(globals()))
