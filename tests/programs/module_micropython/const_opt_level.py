# micropython.const folds constants; opt_level reads and sets the optimisation level
import micropython
from micropython import const
SIZE = const(16)
MASK = const(SIZE - 1)
print(SIZE, MASK, SIZE & 0xff)
level = micropython.opt_level()
print(type(level).__name__)
micropython.opt_level(1)
print(micropython.opt_level())
micropython.opt_level(level)
print(micropython.opt_level() == level)
