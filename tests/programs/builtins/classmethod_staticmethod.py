# classmethod and staticmethod called through classes, instances and subclasses
class Base:
    count = 0
    @classmethod
    def make(cls, value):
        cls.count += 1
        return cls.__name__ + ':' + str(value)
    @staticmethod
    def add(a, b):
        return a + b
class Derived(Base):
    pass
print(Base.make(1), Derived.make(2), Base().make(3))
print(Base.add(2, 3), Base().add(4, 5), Derived.add('a', 'b'))
print(Base.count, Derived.count)
def plain(cls):
    return cls.__name__
class Wrapped:
    named = classmethod(plain)
    fixed = staticmethod(len)
print(Wrapped.named(), Wrapped().named(), Wrapped.fixed('four'))
