# Instance attributes stored again and again (rebound in place), beside the cases that add,
# delete and shadow them: instances with few and with many attributes, attributes set through
# __dict__ and setattr() with names built at run time, class attributes and globals.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def move(self, dx):
        self.x = self.x + dx
        return self.x


point = Point(1, 2)
for step in range(5):
    point.move(step)
point.y = 'why'
print(point.x, point.y, sorted(point.__dict__.items()))
del point.x
try:
    print(point.x)
except AttributeError as error:
    print('AttributeError', error)
point.x = 'back'
print(point.x, sorted(point.__dict__.keys()))


class Wide:
    pass


wide = Wide()
names = ['a' + str(number) for number in range(12)]
for round_number in range(3):
    for index, name in enumerate(names):
        setattr(wide, name, index * 10 + round_number)
wide.a0 = 'first'
wide.a11 = 'last'
print([getattr(wide, name) for name in names])
print(len(wide.__dict__), sorted(wide.__dict__)[:3])
del wide.a5
wide.a5 = 'again'
print(len(wide.__dict__), wide.a5)

# setattr() with a name made at run time is the same attribute as the literal name.
dynamic = Point(0, 0)
setattr(dynamic, ''.join(['z', 'z']), 'from setattr')
print(dynamic.zz)
dynamic.zz = 'rebound'
print(dynamic.zz, getattr(dynamic, 'z' + 'z'), len(dynamic.__dict__))


# A class-level __setattr__ added after instances were written sees every later store.
class Logged:
    pass


logged = Logged()
logged.value = 1
logged.value = 2


def report(self, name, value):
    print('setattr', name, value)
    object.__setattr__(self, name, value)


Logged.__setattr__ = report
logged.value = 3
print(logged.value)
del Logged.__setattr__
logged.value = 4
print(logged.value)


# A data descriptor on the class wins over the instance's dict, even once stored there.
class Guarded:
    @property
    def level(self):
        return 'property'

    @level.setter
    def level(self, value):
        print('setter', value)


guarded = Guarded()
guarded.level = 5
print(guarded.level)
guarded.level = 6

# Class attributes and globals rebound in place.
Point.scale = 1
for factor in (2, 3):
    Point.scale = Point.scale * factor
print(Point.scale, point.scale)
counter = 0
for _ in range(4):
    counter = counter + 1
print(counter)
