# expect: cpython
# sys.exc_info() in a function called from an except body sees the exception being handled.
import sys


def report():
    kind, value, _ = sys.exc_info()
    print(kind, value)


try:
    raise ValueError("v")
except:
    report()
report()


def nested():
    try:
        raise ValueError("inner")
    except ValueError:
        report()


try:
    raise TypeError("outer")
except TypeError:
    nested()
