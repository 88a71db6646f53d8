# dict.pop with defaults and missing keys, popitem until empty
table = {'x': 1, 'y': 2}
print(table.pop('x'), table.pop('missing', 'default'), table)
try:
    table.pop('missing')
except KeyError as error:
    print('KeyError', error)
single = {'only': 1}
print(single.popitem(), single)
try:
    single.popitem()
except KeyError as error:
    print('KeyError', error)
