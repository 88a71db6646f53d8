# list slice assignment that grows, shrinks, inserts and uses extended slices
items = list(range(6))
items[1:3] = ['a', 'b', 'c', 'd']
print(items)
items[2:6] = []
print(items)
items[1:1] = ['inserted']
print(items)
items[:] = items[::-1]
print(items)
items[-1:] = [100, 200]
print(items)
items[len(items):] = ['x', 'y']
print(items, items[::2])
