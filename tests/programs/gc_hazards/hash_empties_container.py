# expect: cpython
# A key's __hash__ that empties the dict or set it is being stored into: the store must still
# land in valid storage. (The reference VM traps on this program, so CPython gives the output.)
class EmptiesSet:
    def __hash__(self):
        items.clear()
        return 1


class EmptiesDict:
    def __hash__(self):
        table.clear()
        return 1


items = {1, 2, 3}
items.add(EmptiesSet())
print(len(items))

table = {1: "a", 2: "b"}
table[EmptiesDict()] = "c"
print(len(table), list(table.values()))

table = {}
for number in range(3):
    table[EmptiesDict()] = number
print(len(table), list(table.values()))
