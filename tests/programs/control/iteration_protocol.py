# Explicit use of iter() and next(): default values, StopIteration and exhausted iterators.
iterator = iter([1, 2])
print(next(iterator), next(iterator), next(iterator, 'default'))
try:
    next(iterator)
except StopIteration as error:
    print('StopIteration', error.args)
numbers = iter(range(3))
for number in numbers:
    print('first pass', number)
for number in numbers:
    print('never printed')
print(list(numbers))
text = iter('hi')
print(next(text), list(text))
mapping = iter({'only': 1})
print(next(mapping))
try:
    iter(5)
except TypeError as error:
    print(type(error).__name__, error)
print(list(zip(*[iter([1, 2, 3, 4])] * 2)))
