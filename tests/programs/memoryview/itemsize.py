# expect: cpython
# memoryview.itemsize follows the typecode of what it views and cannot be assigned.
from array import array

print(memoryview(b"ab").itemsize, memoryview(bytearray(3)).itemsize)
for code in "bBhHiIqQfd":
    view = memoryview(array(code, [1, 2]))
    print(code, view.itemsize, view[1:].itemsize)
try:
    memoryview(b"a").itemsize = 2
except AttributeError:
    print("AttributeError")
