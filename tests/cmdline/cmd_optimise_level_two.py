# cmdline: -OO
# -OO is level 2: asserts are gone and __debug__ is False in the program, in exec() and eval()
# and in compile(), and micropython.opt_level() reads the level back.
import micropython

print(micropython.opt_level(), __debug__)
assert False, "not compiled"
exec("assert False\nprint('exec', __debug__)")
print("eval", eval("__debug__"))


def traced():
    return 1 // 0


try:
    traced()
except ZeroDivisionError as error:
    import sys

    sys.print_exception(error)
