# Shrinking lists with pop and remove, and searching with index, count and in.
items = [5, 3, 8, 3, 1, 3, 9]
print(items.pop(), items.pop(0), items.pop(-2), items.pop(1), items)
items = [5, 3, 8, 3, 1, 3, 9]
items.remove(3)
print(items, items.count(3), items.count(42), items.index(3), items.index(3, 2), items.index(9, -1))
print(3 in items, 4 in items, 4 not in items, [1, 2] in [[1, 2], [3]], 1.0 in [1])
mixed = [1, 'a', None, 2.5, [1], (1,)]
print(mixed.index(None), mixed.index([1]), mixed.count((1,)), mixed.count(1.0))
def attempt(label, action):
    try:
        print(label, action())
    except (IndexError, ValueError) as error:
        print(label, type(error).__name__, error)
attempt('pop empty', lambda: [].pop())
attempt('pop far', lambda: [1, 2].pop(5))
attempt('remove missing', lambda: [1, 2].remove(3))
attempt('index missing', lambda: [1, 2].index(3))
attempt('index range', lambda: [1, 2, 1].index(1, 1, 2))
drained = list(range(5))
while drained:
    drained.pop()
print(drained, len(drained))
