# const() of two values.
from micropython import const
SIZE = const(1, 2)
