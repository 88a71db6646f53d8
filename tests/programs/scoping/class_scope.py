# Class bodies: names are stored in the class namespace, are not visible to methods, and can read globals.
x = 'global x'
class Scoped:
    x = 'class x'
    y = x + ' seen in body'
    def method(self):
        return x
    values = [1, 2, 3]
    total = sum(values)
    del values
print(Scoped.x, Scoped.y, Scoped().method(), Scoped.total, hasattr(Scoped, 'values'))
class UsesGlobal:
    z = x
print(UsesGlobal.z)
def function_with_class(argument):
    local = argument * 2
    class Inner:
        doubled = local
        def get(self):
            return local + 1
    return Inner
Inner = function_with_class(5)
print(Inner.doubled, Inner().get())
class Counter:
    count = 0
    def increment(self):
        Counter.count += 1
        self.count = -1
print(Counter.count)
c = Counter()
c.increment(); c.increment()
print(Counter.count, c.count)
