# frozenset is immutable and hashable: usable as a dict key and inside other sets.
key = frozenset(['a', 'b'])
table = {key: 1, frozenset(): 0}
print(table[frozenset('ba')], table[frozenset()], frozenset('ab') in table, len(table))
groups = {frozenset([1, 2]), frozenset([2, 1]), frozenset([3])}
print(len(groups), sorted(sorted(group) for group in groups))
print(sorted(key), len(key), 'a' in key, key == {'a', 'b'}, frozenset() == set(), frozenset([1]) < frozenset([1, 2]))
print(frozenset(), sorted(frozenset(range(5))), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
try:
    key.add('c')
except AttributeError as error:
    print('AttributeError', error)
