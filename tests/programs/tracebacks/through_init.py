# Tracebacks through __init__: one returning a value, one raising.
import sys

class ReturnsValue:
    def __init__(self):
        return 1

class Raises:
    def __init__(self, value):
        self.value = value
        raise KeyError(value)

def make(kind):
    return kind() if kind is ReturnsValue else kind('key')

try:
    make(ReturnsValue)
except TypeError as error:
    sys.print_exception(error)

make(Raises)
