# every list method, with its errors
items = [3, 1, 2]
items.append(4)
items.extend((5, 6))
items.insert(0, 0)
items.insert(-1, 9)
items.insert(100, 7)
print(items, items.count(3), items.index(2), items.index(9, 2))
print(items.pop(), items.pop(0), items.pop(-2), items)
items.remove(9)
items.reverse()
print(items)
copy = items.copy()
items.clear()
print(items, copy)
copy.sort()
print(copy)
for call in (lambda: [].pop(), lambda: [1].remove(2), lambda: [1].index(5),
             lambda: [1].pop(3)):
    try:
        call()
    except Exception as error:
        print(type(error).__name__, error)
