# Instance attributes read and written through the same code site, which remembers where the
# last instance kept the name: instances filled in different orders, attributes deleted and
# added again, many attributes, names built at run time, and class changes made afterwards
# (a property, a data descriptor, a __setattr__) that must take over writes from the instance's
# dict. (Reads of a data descriptor shadowed by the instance's dict differ between MicroPython
# and CPython, so they are left out.)
class Point:
    pass


def read(point):
    return point.x


def write(point, value):
    point.x = value


first = Point()
first.x = 1
first.y = 2
second = Point()
second.y = 3
second.x = 4
third = Point()
for name in 'abcdefghijklmnopqrstuvwxyz':
    setattr(third, name, name.upper())
third.x = 5
for round_number in range(3):
    for point in (first, second, third):
        write(point, read(point) * 10 if round_number else read(point))
        print(read(point), point.y)
del first.x
try:
    read(first)
except AttributeError:
    print('AttributeError')
first.z = 0
write(first, 6)
print(read(first), first.__dict__ if False else sorted(first.__dict__.items()))
built = ''.join(['x'])
fourth = Point()
setattr(fourth, built, 7)
print(read(fourth))
write(fourth, 8)
print(getattr(fourth, built), read(fourth))
fifth = Point()
try:
    read(fifth)
except AttributeError:
    print('AttributeError')
write(fifth, 9)
print(read(fifth))


class Doubled:
    def __get__(self, instance, owner):
        return 'descriptor'

    def __set__(self, instance, value):
        print('descriptor set', value)


Point.x = Doubled()
write(first, 10)
print(first.__dict__['x'])


def shown(self):
    return 'property'


Point.x = property(shown)
try:
    write(second, 11)
except AttributeError:
    print('AttributeError')
del Point.x
print(read(second))


def logged(self, name, value):
    print('setattr', name, value)
    object.__setattr__(self, name, value)


Point.__setattr__ = logged
write(second, 12)
print(read(second))
del Point.__setattr__
write(second, 13)
print(read(second))


class Counter:
    def __init__(self):
        self.count = 0

    def bump(self):
        self.count += 1
        return self.count


class Fallback:
    def __getattr__(self, name):
        return 'fallback ' + name


counters = [Counter() for _ in range(3)]
for _ in range(4):
    for counter in counters:
        counter.bump()
print([counter.count for counter in counters])
fallback = Fallback()
print(read(fallback))
fallback.x = 'own'
print(read(fallback))


# Method calls through one site: a function on the class bound to the instance, unless the
# instance's own dict has the name; the class's function replaced afterwards.
def call_bump(counter):
    return counter.bump()


shadowed = Counter()
print(call_bump(shadowed), call_bump(counters[0]))
shadowed.bump = lambda: 'own bump'
print(call_bump(shadowed), call_bump(counters[0]))
del shadowed.bump
print(call_bump(shadowed))
Counter.bump = lambda self: 'replaced'
print(call_bump(shadowed), call_bump(counters[1]))
