# every set and frozenset method, printed through sorted() for a fixed order
a = {1, 2, 3}
b = {3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(b)), sorted(a.difference(b)))
print(sorted(a.symmetric_difference(b)), a.isdisjoint(b), {1}.issubset(a), a.issuperset({1, 2}))
c = set(a)
c.add(10)
c.discard(1)
c.discard(99)
c.remove(2)
print(sorted(c))
c.update([20, 21])
c.difference_update({20})
c.intersection_update({3, 10, 21, 50})
print(sorted(c))
c.symmetric_difference_update({3, 7})
print(sorted(c), len(c.copy()))
popped = c.pop()
print(popped in (7, 10, 21), len(c))
c.clear()
print(c, set(), frozenset())
f = frozenset([1, 2])
print(sorted(f.union({3})), sorted(f.copy()), f.issubset({1, 2, 3}), type(f | {5}).__name__)
for call in (lambda: set().pop(), lambda: {1}.remove(2)):
    try:
        call()
    except KeyError as error:
        print("KeyError", repr(error))
