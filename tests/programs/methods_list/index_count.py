# list.index with bounds and list.count with mixed-type equality
items = [1, 2, 3, 2, 1, 2.0, True]
print(items.index(2), items.index(2, 2), items.index(1, 1), items.index(3, 0, 3))
print(items.count(2), items.count(1), items.count('x'), [[1], [1]].count([1]))
try:
    items.index(9)
except ValueError as error:
    print('ValueError', error)
try:
    items.index(3, 3)
except ValueError:
    print('not in range')
