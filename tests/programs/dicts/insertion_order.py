# expect: cpython
# Dicts keep insertion order: iteration, keys, values, items, repr, update and re-insertion after delete.
table = {}
for key in ['zebra', 'apple', 'mango', 'kiwi', 'banana']:
    table[key] = len(key)
print(table)
print(list(table), list(table.values()), list(table.items()))
table['apple'] = 0
del table['mango']
table['mango'] = 99
print(table)
table.update({'cherry': 6, 'zebra': -1})
print(list(table))
print({value: value * 2 for value in [5, 3, 9, 1]}, dict.fromkeys('dcba', 0))
print(table.popitem(), list(table))
