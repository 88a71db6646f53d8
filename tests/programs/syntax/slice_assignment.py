# Slice assignment and deletion on lists, including extended slices and size changes.
items = list(range(8))
items[2:4] = ['a', 'b', 'c']
print(items)
items[:0] = [-1]
print(items)
items[len(items):] = [100, 200]
print(items)
items[1:3] = []
print(items)
del items[4:]
print(items)
del items[1:3]
print(items)
values = list(range(10))
values[2:8] = ['x']
print(values)
values[-1:] = []
print(values)
values[:] = list('abc')
print(values)
del values[:]
print(values)
grid = [0] * 6
grid[1:3] = [7, 9]
print(grid)
grid[-2:] = (5, 5, 5)
print(grid)
