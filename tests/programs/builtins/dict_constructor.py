# dict() from keywords, pairs, another mapping, and combinations
print(sorted(dict(a=1, b=2).items()))
print(sorted(dict([('x', 1), ('y', 2)]).items()))
print(sorted(dict({'k': 'v'}, extra=3).items()))
print(dict(), len(dict(zip('abc', range(3)))))
print(sorted(dict([[1, 'one'], (2, 'two')]).items()))
print(sorted(dict.fromkeys('ab').items()), sorted(dict.fromkeys([1, 2], 0).items()))
original = {'p': [1]}
copy = dict(original)
copy['q'] = 2
print(len(original), len(copy), copy['p'] is original['p'])
