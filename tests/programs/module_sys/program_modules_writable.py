# expect: micropython 1.29
# __main__ and builtins are writable modules (built-in modules are not): storing and deleting
# their attributes works, and deleting a missing one raises KeyError as MicroPython does.
import __main__
import builtins

x = 1
del __main__.x
print("x" in globals())
__main__.z = 5
print(z)
try:
    del __main__.missing
except KeyError as error:
    print("KeyError", error)
builtins.extra_name = 7
print(extra_name)
del builtins.extra_name
try:
    extra_name
except NameError:
    print("NameError")
