# An instance of a subclass of tuple gets its items from the call's arguments even with a
# user __init__. (Adding two tuple subclass instances is checked by
# MicroPython's basics/tuple_subclass.py: the 1.27 reference crashes on it.)
class Announce:
    def __init__(self, *args):
        print("init", args)


class Items(Announce, tuple):
    pass


class Pair(tuple):
    pass


items = Items([1, 2, 3])
print(len(items), items[1], items == (1, 2, 3))
pair = Pair((1, 2))
print(pair == (1, 2), (1, 2) == pair, pair < Pair((1, 3)))


class PairList(list):
    def __init__(self, first, second):
        super().__init__([first, second])


print(PairList(5, 6), len(PairList(7, 8)))
