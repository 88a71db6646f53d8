# Tuples are hashable (usable as dict keys and set members) and compare lexicographically.
points = {(0, 0): 'origin', (1, 2): 'a', (-1, 'x'): 'b'}
print(points[(0, 0)], points[1, 2], (-1, 'x') in points, (2, 1) in points)
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash((1, (2, 3))) == hash((1, (2, 3))))
seen = set()
for point in [(1, 2), (2, 1), (1, 2), (1, 2.0)]:
    seen.add(point)
print(len(seen), sorted(seen))
tuples = [(), (0,), (1,), (1, 2), (1, 2, 3), (1, 3), (2,)]
for left in tuples:
    print(left, [left < right for right in tuples])
print((1, 2) == (1, 2), (1, 2) != (1, 2.0), (1, 2) == [1, 2], (2,) > (1, 99), (1, 'b') > (1, 'a'))
try:
    hash((1, [2]))
except TypeError as error:
    print('TypeError', error)
try:
    (1, 'a') < (1, 2)
except TypeError as error:
    print('TypeError', error)
