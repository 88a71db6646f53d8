# Assigning to step-1 list slices with shorter, longer and empty replacements, and deleting slices.
items = list(range(8))
items[2:4] = ['a', 'b', 'c', 'd']
print(items)
items[1:7] = ['x']
print(items)
items[:0] = [-2, -1]
print(items)
items[len(items):] = [98, 99]
print(items)
items[-2:] = []
print(items)
items[:] = ['x', 'y', 'z']
print(items)
items[10:20] = [1]
print(items)
items[1:1] = (0, 1, 2)
print(items)
del items[0:2]
print(items)
del items[-2:]
print(items)
del items[:]
print(items, len(items))
values = [0, 1, 2, 3, 4, 5]
alias = values
values[1:5] = values[2:4]
print(values, alias is values)
try:
    values[0:1] = 5
except TypeError as error:
    print('TypeError', error)
