# Comparison operators, chained comparisons, identity and membership tests.
a, b, c = 1, 2, 3
print(a < b, a > b, a <= 1, a >= 2, a == 1, a != 1)
print(a < b < c, a < b > c, c > b > a, a < c < b)
print(1 < 2 < 3 < 4 < 5, 1 < 2 < 3 > 4)
print(1 == 1.0, 1 != 1.0, 'a' < 'b', 'abc' < 'abd', 'Z' < 'a')
print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), [1] == [1], (1,) == (1,))
x = None
print(x is None, x is not None, a is not None)
items = [1, 2, 3]
print(2 in items, 5 in items, 5 not in items, 2 not in items)
print('ell' in 'hello', 'z' not in 'hello', 'k' in {'k': 1}, 3 in {3, 4})
def noisy(value):
    print('eval', value)
    return value
print(noisy(1) < noisy(2) < noisy(0) < noisy(9))
print(noisy(5) < noisy(1) < noisy(9))
print(not 1 < 2, not (1 > 2))
print(0 < a == 1 <= b)
