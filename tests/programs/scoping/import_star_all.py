# expect: cpython
# `from X import *` on an object in sys.modules imports exactly the names its __all__ lists.
import sys


class Namespace:
    __all__ = ["shown"]
    shown = "listed"
    hidden = "not listed"


sys.modules["namespace_module"] = Namespace
hidden = "untouched"
from namespace_module import *

print(shown, hidden)


class Plain:
    def __init__(self):
        self.__all__ = ("first", "second")
        self.first = 1
        self.second = 2


sys.modules["plain_module"] = Plain()
from plain_module import *

print(first, second)
