# Star-unpacking at call sites: f(*a), f(**k), several of each, mixed with plain arguments.
def show(*args, **kwargs):
    return args, sorted(kwargs.items())
first = [1, 2]
second = (3,)
options = {'x': 1}
more = {'y': 2}
print(show(*first))
print(show(*first, *second))
print(show(0, *first, 9, *second))
print(show(**options))
print(show(**options, **more))
print(show(*first, *second, **options, **more))
print(show(*first, z=3, **options))
print(show(*'ab', *range(2), *{'k': 1}))
def fixed(a, b, c):
    return a * 100 + b * 10 + c
print(fixed(*[1, 2, 3]), fixed(1, *[2, 3]), fixed(**{'c': 3, 'a': 1, 'b': 2}))
print(fixed(1, **{'c': 3, 'b': 2}), fixed(*(1,), c=3, **{'b': 2}))
class Calculator:
    def total(self, *values, **weights):
        return sum(values) + sum(weights.values())
calculator = Calculator()
print(calculator.total(*first, **options))
print(calculator.total(*first, *second, **options, **more))
try:
    fixed(**{'a': 1}, **{'a': 2})
except TypeError as error:
    print(type(error).__name__)
