# Two OrderedDicts are equal only with the same items in the same order; against a dict, order is ignored.
from collections import OrderedDict

a = OrderedDict([("x", 1), ("y", 2)])
b = OrderedDict([("y", 2), ("x", 1)])
print(a == b, a != b)
print(a == OrderedDict([("x", 1), ("y", 2)]))
print(a == OrderedDict([("x", 1), ("y", 3)]))
print(a == OrderedDict([("x", 1)]))
del b["y"]
b["y"] = 2
print(a == b)
