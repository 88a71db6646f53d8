# Which objects hash: __eq__ without __hash__ makes a class unhashable, __hash__ must give
# an int, bound methods hash by function and object, slices and set-like views do not hash.
class OnlyEquality:
    def __eq__(self, other):
        return True


class NoneHash:
    def __hash__(self):
        return None


class BoolHash:
    def __hash__(self):
        return True


class Child(OnlyEquality):
    pass


for make in (OnlyEquality, Child, NoneHash):
    try:
        hash(make())
        print("hashed")
    except TypeError:
        print("TypeError")
print(hash(BoolHash()))


class Methods:
    def first(self):
        pass

    def second(self):
        pass


one = Methods()
print(one.first == one.first, one.first == one.second, one.first == Methods().first)
print(hash(one.first) == hash(one.first), hash(one.first) != hash(one.second))
print({one.first: 1}[one.first])

class Slicer:
    def __getitem__(self, index):
        return index


for value in ({}.keys(), {}.items(), Slicer()[1:2]):
    try:
        hash(value)
        print("hashed")
    except TypeError:
        print("TypeError")
print(type(hash({}.values())))
