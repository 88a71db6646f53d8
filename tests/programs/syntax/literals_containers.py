# Container literal forms: tuple, list, dict, set, empty and nested, with trailing commas.
print((), (1,), (1, 2), 1, (1))
print([], [1], [1, 2,], [[1], [2, [3]]])
print({}, {'a': 1}, {'a': 1,})
print({1}, {2, 2, 2}, len({1, 2, 3, 3}))
empty_set = set()
print(type(empty_set).__name__, type({}).__name__)
nested = {'key': [1, (2, 3), {'inner': {4}}]}
print(nested['key'][1], nested['key'][2]['inner'] == {4})
print(list(range(3)) + list('ab'), dict(x=1, y=2)['x'], sorted(set('abacd')))
print([1, 2] + [3], (1,) * 3, [0] * 4)
print(..., Ellipsis is ..., None, True, False)
pairs = {1: 'one', 2: 'two'}
print(pairs[1], pairs[2], len(pairs))
print(sorted({'b': 2, 'a': 1, 'c': 3}.items()))
