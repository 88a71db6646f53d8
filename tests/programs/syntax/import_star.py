# import forms: import module, import as, from import, from import as, and import *.
import math
import math as m
from math import sqrt
from math import floor as round_down, ceil
print(math.sqrt(16), m.pi == math.pi, sqrt(25), round_down(2.7), ceil(2.1))
from math import *
print(fabs(-3.5), pow(2, 5), trunc(9.9))
import sys
print(type(sys.argv).__name__)
def local_import():
    import math as inner
    from math import sqrt as root
    return inner.floor(root(50))
print(local_import())
