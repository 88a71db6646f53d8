# Functions as first-class values: passing, returning, storing in containers, __name__, callable.
def add(a, b):
    return a + b
def sub(a, b):
    return a - b
operations = {'+': add, '-': sub}
print(operations['+'](2, 3), operations['-'](2, 3))
def apply(function, *args):
    return function(*args)
print(apply(add, 1, 2), apply(max, 4, 9, 2))
print(add.__name__, callable(add), callable(3), callable(print))
pipeline = [lambda x: x + 1, lambda x: x * 2, str]
value = 5
for step in pipeline:
    value = step(value)
print(repr(value))
def make_multiplier(factor):
    def multiply(x):
        return x * factor
    return multiply
triple = make_multiplier(3)
print(triple(7), triple.__name__)
print(type(add).__name__)
print(list(map(add, [1, 2], [10, 20])))
print(sorted([('b', 2), ('a', 3), ('c', 1)], key=lambda pair: pair[1]))
