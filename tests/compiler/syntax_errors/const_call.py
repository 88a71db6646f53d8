# const() of something that is not a constant.
from micropython import const
SIZE = const(len("abc"))
