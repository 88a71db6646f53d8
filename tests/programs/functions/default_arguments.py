# Default argument values: evaluation time, shared mutable defaults, None sentinel.
def greet(name, greeting='Hello', punctuation='!'):
    return greeting + ', ' + name + punctuation
print(greet('Ann'))
print(greet('Bo', 'Hi'))
print(greet('Cy', punctuation='?'))
base = 10
def uses_base(x, offset=base):
    return x + offset
base = 1000
print(uses_base(1))
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2))
print(append_to(3, []))
def fresh(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(fresh(1), fresh(2))
def all_defaults(a=1, b=2, c=3):
    return a, b, c
print(all_defaults(), all_defaults(9), all_defaults(c=0))
def computed(x, y=2 * 3, z=len('abcd')):
    return x + y + z
print(computed(0))
