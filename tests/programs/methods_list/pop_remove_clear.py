# list.pop with indexes, remove of first match, clear and del of slices
items = ['a', 'b', 'c', 'b', 'd']
print(items.pop(), items.pop(0), items.pop(-2), items)
items.remove('b')
print(items)
try:
    items.remove('zz')
except ValueError as error:
    print('ValueError', error)
try:
    [].pop()
except IndexError as error:
    print('IndexError', error)
numbers = list(range(10))
del numbers[2:5]
del numbers[-1]
del numbers[:1]
print(numbers)
numbers.clear()
print(numbers, len(numbers))
