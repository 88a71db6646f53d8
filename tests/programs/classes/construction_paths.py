# Making instances: __init__ run for a class call, in every form the call can take.
class Plain:
    def __init__(self, a, b):
        self.total = a + b

print(Plain(1, 2).total, [Plain(i, i).total for i in range(3)])

class Nested:
    def __init__(self, depth):
        self.child = Nested(depth - 1) if depth else None
        self.depth = depth

node = Nested(4)
depths = []
while node is not None:
    depths.append(node.depth)
    node = node.child
print(depths)

class ReturnsValue:
    def __init__(self):
        return 5

try:
    ReturnsValue()
except TypeError as error:
    print('TypeError', error)

class ReturnsNoneExplicitly:
    def __init__(self, flag):
        self.flag = flag
        if flag:
            return None
        self.other = 1

print(ReturnsNoneExplicitly(True).flag, ReturnsNoneExplicitly(False).other)

class Raises:
    def __init__(self, value):
        raise ValueError(value)

try:
    Raises('bad')
except ValueError as error:
    print('ValueError', error)

class WithFinally:
    def __init__(self, log):
        try:
            log.append('body')
            return
        finally:
            log.append('finally')

log = []
print(type(WithFinally(log)).__name__, log)

class WithDefaults:
    def __init__(self, a, b=10, *rest, **options):
        self.values = (a, b, rest, sorted(options))

print(WithDefaults(1).values, WithDefaults(1, 2, 3, x=4).values)

class WithNew:
    def __new__(cls, value):
        print('__new__', value)
        return super().__new__(cls)
    def __init__(self, value):
        self.value = value

print(WithNew(7).value)

class FromList(list):
    def __init__(self, items):
        super().__init__(items)
        self.extra = len(items)

made = FromList([1, 2])
print(made, made.extra)

class MyError(Exception):
    def __init__(self, code):
        super().__init__('code', code)
        self.code = code

print(MyError(3).args, MyError(3).code)

class Holder:
    Inner = Plain
    def make(self):
        return self.Inner(3, 4)

print(Holder().make().total, Holder.Inner(5, 6).total)

class Counted:
    made = 0
    def __init__(self):
        Counted.made += 1

for _ in range(100):
    Counted()
print(Counted.made)

def wrong_count():
    return Plain(1)

try:
    wrong_count()
except TypeError as error:
    print('TypeError', error)

class Base:
    def __init__(self, name):
        self.name = name

class Derived(Base):
    pass

print(Derived('d').name)
