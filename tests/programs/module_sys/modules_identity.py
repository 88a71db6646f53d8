# A built-in module is built once per VM: importing it again, even after removing it from
# sys.modules, gives the same object; an entry placed in sys.modules wins over it.
import sys
import math

first = math
if "math" in sys.modules:
    del sys.modules["math"]
import math

print(math is first, math.sqrt(16.0))
sys.modules["json"] = "planted"
import json

print(json)
