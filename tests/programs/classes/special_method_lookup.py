# Special methods inherited from base classes and overridden; __hash__ and __len__ used by builtins.
class Base:
    def __len__(self):
        return 3
    def __getitem__(self, index):
        if index >= len(self):
            raise IndexError(index)
        return 'item%d' % index
    def __hash__(self):
        return 7
    def __eq__(self, other):
        return type(other) is type(self)
class Child(Base):
    def __len__(self):
        return 2
print(len(Base()), len(Child()), list(Base()), list(Child()))
print(hash(Base()) == hash(Child()), hash(Child()) == 7)
print(Base() == Base(), Base() == Child(), len({Base(), Base()}))
class NoLength:
    pass
try:
    len(NoLength())
except TypeError as error:
    print('TypeError', error)
try:
    NoLength()[0]
except TypeError as error:
    print('TypeError', error)
try:
    for value in NoLength():
        pass
except TypeError as error:
    print('TypeError', error)
class LengthZero:
    def __len__(self):
        return 0
print(bool(LengthZero()), 'falsy' if not LengthZero() else 'truthy')
