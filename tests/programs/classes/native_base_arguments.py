# An instance of a built-in type's subclass gets its built-in part from the call's
# arguments even with a user __init__. (Adding two tuple subclass instances is checked by
# MicroPython's basics/tuple_subclass.py: the 1.27 reference crashes on it.)
class Announce:
    def __init__(self, *args):
        print("init", args)


class Items(Announce, tuple):
    pass


class Listed(list):
    def __init__(self, items):
        print("Listed init")


class Pair(tuple):
    pass


items = Items([1, 2, 3])
print(len(items), items[1], items == (1, 2, 3))
print(len(Listed([4, 5])))
pair = Pair((1, 2))
print(pair == (1, 2), (1, 2) == pair, pair < Pair((1, 3)))
