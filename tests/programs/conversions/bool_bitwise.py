# expect: cpython
# Bitwise operators on two bools give a bool, as in CPython (MicroPython 1.27 gives an int).
for left in (False, True):
    for right in (False, True):
        print(left, right, left & right, left | right, left ^ right)
print(type(True ^ True).__name__, True & 3, type(True & 3).__name__)
