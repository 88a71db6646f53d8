# expect: cpython
# Diamond inheritance: CPython's C3 order differs from MicroPython's depth-first lookup.
class Top:
    def name(self):
        return 'Top'
class Left(Top):
    pass
class Right(Top):
    def name(self):
        return 'Right'
class Bottom(Left, Right):
    pass
print(Bottom().name())
class Base:
    def chain(self):
        return ['Base']
class First(Base):
    def chain(self):
        return ['First'] + super().chain()
class Second(Base):
    def chain(self):
        return ['Second'] + super().chain()
class Joined(First, Second):
    def chain(self):
        return ['Joined'] + super().chain()
print(Joined().chain())
