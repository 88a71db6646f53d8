# __new__ and __init__: order of calls, __new__ returning other objects, singletons.
class Traced:
    def __new__(cls, value):
        print('new', cls.__name__, value)
        instance = super().__new__(cls)
        instance.created_by_new = True
        return instance
    def __init__(self, value):
        print('init', value)
        self.value = value
t = Traced(5)
print(t.value, t.created_by_new)
class Singleton:
    instance = None
    def __new__(cls):
        if cls.instance is None:
            cls.instance = super().__new__(cls)
        return cls.instance
print(Singleton() is Singleton())
class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print('never called')
print(NotMine())
class Child(Traced):
    def __init__(self, value):
        super().__init__(value * 2)
c = Child(3)
print(type(c).__name__, c.value)
class Defaults:
    def __init__(self, a, b=2, *rest, **named):
        self.summary = (a, b, rest, sorted(named))
print(Defaults(1).summary, Defaults(1, 3, 4, k=5).summary)
