# Dict keys of many hashable types: tuples, frozensets, numbers that compare equal, strings, None.
table = {}
table[(1, 2)] = 'pair'
table[(1, (2, 3))] = 'nested'
table[frozenset([1, 2])] = 'frozen'
table[1] = 'one'
table[1.0] = 'float one'
table[2**70] = 'big'
table[''] = 'empty'
table[None] = 'none'
print(len(table), table[1], table[(1, 2)], table[frozenset([2, 1])], table[2**70], table[None], table[''])
print(table[1, (2, 3)], (1, 2) in table, [1, 2] in [[1, 2]], 2.0**70 in table)
try:
    table[[1, 2]] = 'list'
except TypeError as error:
    print('TypeError', error)
try:
    table[{}] = 'dict'
except TypeError as error:
    print('TypeError', error)
