# dir() of modules: __class__ and __name__ first (static names), then the other names in
# MicroPython's order. xipy's math also has gcd and hypot, its random has no __init__
# (docs/compatibility.md).
import math
import json
import struct
import random
import time

EXTRA = ("gcd", "hypot", "__init__")
print([name for name in dir(math) if name not in EXTRA])
print(dir(json))
print(dir(struct))
print([name for name in dir(random) if name not in EXTRA])
print("sleep" in dir(time), "ticks_ms" in dir(time), dir(time)[:2])
print(dir(math) == dir(math), dir(math) is dir(math))
print([name for name in dir(math) if name.startswith("__")])
