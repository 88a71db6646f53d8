# Attribute caches stay right when a class other than the one looked up changes: a base two
# levels up, a sibling, a class made from a dict that is changed afterwards, a class made later.
class Root:
    def kind(self):
        return 'root'

class Middle(Root):
    pass

class Leaf(Middle):
    def __init__(self):
        self.own = 'own'

class Sibling(Root):
    pass

def read(item):
    return item.kind(), getattr(item, 'extra', None), item.own

leaf = Leaf()
print(read(leaf))
Root.extra = 'from root'
print(read(leaf))
Middle.kind = lambda self: 'middle'
print(read(leaf))
Sibling.kind = lambda self: 'sibling'
print(read(leaf), Sibling().kind())
del Middle.kind
print(read(leaf))
del Root.extra
print(read(leaf))
Root.own = 'class own'
print(read(leaf))
del leaf.own
print(read(leaf))

# Many classes made while the caches are warm.
def make(number):
    class Made(Leaf):
        def kind(self):
            return number
    return Made()

print([read(make(index))[0] for index in range(4)], read(leaf))

# A class made by type() from a dict, and a method added to the class afterwards.
namespace = {'kind': lambda self: 'from type'}
Dynamic = type('Dynamic', (Leaf,), namespace)
item = Dynamic()
print(read(item))
Dynamic.extra = 'added'
print(read(item))
setattr(Dynamic, 'kind', lambda self: 'replaced')
print(read(item))
delattr(Dynamic, 'kind')
print(read(item))

# The same call site seeing instances of several classes in turn.
class Other:
    own = 'other own'
    def kind(self):
        return 'other'

for value in [leaf, Other(), item, leaf, Other()]:
    print(read(value))
