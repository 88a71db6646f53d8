# expect: cpython
# sys.exc_info() names the exception being handled in the calling frame
import sys
print(sys.exc_info())
try:
    raise ValueError("bad")
except ValueError:
    kind, value, trace = sys.exc_info()
    print(kind.__name__, value, trace is None or True)
def inner():
    try:
        {}[1]
    except KeyError:
        return sys.exc_info()[0].__name__
print(inner(), sys.exc_info())
