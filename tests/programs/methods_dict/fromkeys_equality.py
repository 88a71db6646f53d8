# dict.fromkeys, equality independent of insertion order, and key types
print(sorted(dict.fromkeys(['a', 'b', 'a']).items()))
shared = dict.fromkeys(range(3), [])
shared[0].append('x')
print(shared[2])
print({'a': 1, 'b': 2} == {'b': 2, 'a': 1}, {'a': 1} == {'a': 1.0}, {1: 'a'} != {1: 'b'})
mixed = {1: 'int', 'text': 'str', (1, 2): 'tuple', None: 'none', 2.5: 'float'}
print(mixed[1.0], mixed[(1, 2)], mixed[None], mixed[2.5], len(mixed))
mixed[True] = 'bool replaces int'
print(mixed[1], len(mixed))
