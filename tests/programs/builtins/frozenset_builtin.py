# frozenset construction, hashing as dict keys and set operations returning frozensets
empty = frozenset()
letters = frozenset('hello')
print(len(empty), len(letters), sorted(letters))
print('h' in letters, 'z' in letters)
table = {frozenset([1, 2]): 'pair'}
print(table[frozenset([2, 1])])
print(sorted(letters | frozenset('xy')), sorted(letters & {'l', 'o', 'q'}))
print(type(letters | {'q'}).__name__, type(letters - {'h'}).__name__)
print(frozenset([1, 2]) == {1, 2}, frozenset([1]) < frozenset([1, 2]))
print(hash(frozenset([3, 4])) == hash(frozenset([4, 3])))
print(sorted(letters.union('ab')), letters.isdisjoint('xyz'))
