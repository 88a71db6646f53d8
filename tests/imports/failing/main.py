# A module whose body raises is not kept; ImportError texts; __all__, star imports, __getattr__.
import sys

for attempt in range(2):
    try:
        import broken
    except ZeroDivisionError as error:
        print("broken raised", type(error).__name__, "broken" in sys.modules)
for statement in ("nosuch", "helpers.nosuch", "helpers.plain.deeper"):
    try:
        __import__(statement)
    except ImportError as error:
        print(error)
try:
    from helpers import missing
except ImportError as error:
    print(error)
try:
    from helpers.plain import missing
except ImportError as error:
    print(error)
from helpers.plain import *

print(sorted(name for name in dir() if not name.startswith("_")))
import helpers.lazy as lazy

print(lazy.anything, lazy.present)
try:
    from . import sibling
except ImportError as error:
    print(repr(error))
