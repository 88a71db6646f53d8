# Set algebra with operators and methods: union, intersection, difference, symmetric difference.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection([2, 3, 7])), sorted(a.difference({1})), sorted(a.symmetric_difference([4, 8])))
print(a <= a, {1} < a, a < a, a >= {1, 2}, a > b, {1, 2}.issubset(a), a.issuperset([1]), a.isdisjoint({9}))
print(a == {4, 3, 2, 1}, a != b, set() == set(), {1} == frozenset([1]), len(a | b), len(set()))
c = set(a)
c |= {10}
c &= {1, 2, 10}
c -= {2}
c ^= {1, 11}
print(sorted(c), sorted(a))
print(sorted(frozenset('abc') | {'z'}), type(frozenset('ab') | {'z'}).__name__, type({'z'} | frozenset('ab')).__name__)
