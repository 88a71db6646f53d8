# getattr, setattr and hasattr (the native attribute paths) while classes change under them.
import gc

class Base:
    shared = 'base shared'

class Item(Base):
    pass

item = Item()

def show():
    return (getattr(item, 'shared', None), getattr(item, 'extra', 'no extra'),
            hasattr(item, 'method'), getattr(item, 'missing', 'default'))

print(show())
Base.shared = 'rebound in place'
print(show())
Item.extra = 'added to the class'
print(show())
Base.method = lambda self: 'method'
print(show(), item.method())
del Item.extra
print(show())
setattr(item, 'extra', 'on the instance')
print(show())
del Base.method
print(show())

# A __getattr__ and a __setattr__ added to the class after the lookups were remembered.
Item.__getattr__ = lambda self, name: 'hooked ' + name
print(getattr(item, 'missing'), getattr(item, 'shared'))
log = []

def logging_setattr(self, name, value):
    log.append(name)
    object.__setattr__(self, name, value)

Item.__setattr__ = logging_setattr
setattr(item, 'watched', 1)
item.direct = 2
print(log, item.watched, item.direct)
del Item.__setattr__
del Item.__getattr__
setattr(item, 'unwatched', 3)
print(log, getattr(item, 'missing', 'plain default'))

# A property put on the class where the instance had a plain attribute.
Item.computed = property(lambda self: 'from property')
print(getattr(item, 'computed'))
try:
    setattr(item, 'computed', 5)
except AttributeError:
    print('read-only property')

# More (class, name) pairs than the lookups keep, and classes that die and are made again.
names = ['n%d' % index for index in range(200)]
total = 0
for round in range(3):
    made = []
    for index in range(40):
        cls = type('C%d' % index, (Base,), {'own': index})
        made.append(cls())
    for position, instance in enumerate(made):
        for name in names[:50]:
            setattr(instance, name, position)
        total += sum(getattr(instance, name) for name in names[:50])
        total += getattr(instance, 'own') + len(getattr(instance, 'shared'))
    made = None
    gc.collect()
print(total)
