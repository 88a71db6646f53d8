# issubset, issuperset, isdisjoint and comparison operators between sets
small = {1, 2}
big = {1, 2, 3}
print(small.issubset(big), big.issubset(small), small.issubset(small))
print(big.issuperset(small), small.issuperset(big), big.issuperset([1, 3]))
print(small.isdisjoint({5}), small.isdisjoint([2, 9]))
print(small < big, small <= big, big > small, small < small, small <= small, big == {3, 2, 1})
print(set() < small, frozenset(small) == small)
