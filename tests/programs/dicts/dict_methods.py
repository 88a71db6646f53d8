# dict get, pop, setdefault, update, copy, clear, popitem and fromkeys.
table = {'a': 1, 'b': 2}
print(table.get('a'), table.get('z'), table.get('z', 0), table.pop('a'), table.pop('z', 'default'), sorted(table.items()))
print(table.setdefault('b', 99), table.setdefault('c', 3), table.setdefault('d'), sorted(table.items(), key=lambda item: item[0]))
table.update({'b': 20, 'e': 5})
table.update([('f', 6)])
table.update(g=7)
print(sorted(table.items(), key=lambda item: item[0]))
copy = table.copy()
copy['a'] = 'new'
print('a' in table, 'a' in copy, len(copy), copy is table)
single = {'k': 'v'}
print(single.popitem(), single)
table.clear()
print(table, len(table))
print(sorted(dict.fromkeys(['x', 'y']).items()), sorted(dict.fromkeys('ab', 0).items()))
try:
    {}.popitem()
except KeyError as error:
    print('KeyError', error)
try:
    {}.pop('missing')
except KeyError as error:
    print('KeyError', error)
