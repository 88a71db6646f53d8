# frozenset methods mirror set's non-mutating ones and lack the mutating ones
frozen = frozenset([1, 2, 3])
print(sorted(frozen.union({4})), sorted(frozen.intersection([2, 3, 5])), sorted(frozen.difference({1})))
print(sorted(frozen.symmetric_difference({3, 4})), frozen.issubset({1, 2, 3, 4}), frozen.issuperset({1}))
print(sorted(frozen.copy()), frozen.isdisjoint({7}))
print(hasattr(frozen, 'add'), hasattr(frozen, 'discard'), hasattr(set(), 'add'))
try:
    frozen.add(4)
except AttributeError:
    print('AttributeError')
