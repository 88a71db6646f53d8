# set.add, remove, discard, pop and clear, including missing elements
items = {1, 2}
items.add(3)
items.add(2)
print(sorted(items))
items.remove(1)
items.discard(99)
items.discard(2)
print(sorted(items))
try:
    items.remove(99)
except KeyError as error:
    print('KeyError', error)
print(items.pop(), items)
try:
    items.pop()
except KeyError as error:
    print('KeyError', error)
items.update([5, 6])
items.clear()
print(items, len(items))
