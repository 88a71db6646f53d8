# Growing lists with append, extend, insert (including out-of-range and negative positions) and +=.
items = []
for value in range(5):
    items.append(value * value)
print(items, len(items))
items.extend([100, 200])
items.extend(range(3))
items.extend('ab')
items.extend(())
print(items)
items.insert(0, 'first')
items.insert(-1, 'before last')
items.insert(100, 'end')
items.insert(-100, 'start')
items.insert(3, None)
print(items, len(items))
other = [1]
other += [2, 3]
other += 'xy'
other += (4,)
print(other)
nested = [[]] * 3
nested[0].append(1)
print(nested)
grown = []
for round_number in range(1000):
    grown.append(round_number)
print(len(grown), grown[-1], grown[500], sum(grown))
