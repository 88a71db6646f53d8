# const() values behave as their plain values; opt_level round trips
from micropython import const, opt_level
import micropython
WIDTH = const(16)
HEIGHT = const(WIDTH * 2)
_PRIVATE = const(7)
print(WIDTH, HEIGHT, _PRIVATE, WIDTH * HEIGHT)
before = opt_level()
opt_level(1)
print(before, opt_level())
opt_level(before)
print(opt_level() == before)
