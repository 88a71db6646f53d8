# set union, intersection, difference and symmetric_difference as methods and operators
first = {1, 2, 3, 4}
second = {3, 4, 5}
print(sorted(first.union(second)), sorted(first | second), sorted(first.union((9, 8))))
print(sorted(first.intersection(second)), sorted(first & second))
print(sorted(first.difference(second)), sorted(first - second), sorted(second - first))
print(sorted(first.symmetric_difference(second)), sorted(first ^ second))
print(sorted(first.intersection('abc')), sorted(first.difference([1], [2])))
print(sorted(first), sorted(second))
