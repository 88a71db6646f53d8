# Mutating sets: add, discard, remove, pop, update, clear, copy; duplicates collapse.
items = set([3, 1, 3, 2, 1])
print(sorted(items), len(items))
items.add(5)
items.add(1)
items.discard(99)
items.discard(3)
items.remove(2)
print(sorted(items))
items.update([7, 8], (9,), 'a')
print(sorted(items, key=str))
copy = items.copy()
copy.add(100)
print(len(items), len(copy), 100 in items)
popped = {42}.pop()
print(popped)
items.clear()
print(items, len(items))
try:
    items.remove(1)
except KeyError as error:
    print('KeyError', error)
try:
    set().pop()
except KeyError as error:
    print('KeyError', error)
