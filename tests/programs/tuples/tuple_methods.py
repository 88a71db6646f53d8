# tuple count and index, membership, iteration and unpacking.
values = (3, 1, 3, 'a', 3, None)
print(values.count(3), values.count('a'), values.count(7), values.index(3), values.index(3, 1), values.index(None))
print(3 in values, 'b' in values, None in values, (1,) in ((1,), (2,)))
first, second, *rest = values
print(first, second, rest)
*head, last = (1, 2, 3)
print(head, last)
a, (b, c) = 1, (2, 3)
print(a, b, c)
a, b = b, a
print(a, b)
for index, value in enumerate(('x', 'y')):
    print(index, value)
try:
    values.index('missing')
except ValueError as error:
    print('ValueError', error)
try:
    x, y = (1, 2, 3)
except ValueError as error:
    print('ValueError', error)
try:
    x, y, z = (1, 2)
except ValueError as error:
    print('ValueError', error)
