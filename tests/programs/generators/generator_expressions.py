# Generator expressions: laziness, single use, as function arguments, nested and filtered.
squares = (n * n for n in range(5))
print(next(squares), next(squares), list(squares), list(squares))
print(sum(n for n in range(101)))
print(max(len(w) for w in ['a', 'abc', 'ab']))
print(sorted(c for c in 'hello' if c != 'l'))
print(list((x, y) for x in range(3) for y in range(x)))
def noisy(limit):
    for i in range(limit):
        print('producing', i)
        yield i
lazy = (v * 10 for v in noisy(3))
print('nothing produced yet')
print(next(lazy))
print(list(lazy))
print(any(v > 2 for v in [1, 5]), all(v > 2 for v in [1, 5]))
print(tuple(str(v) for v in range(3)), dict((k, k + 1) for k in range(2)))
nested = (sum(row) for row in ([1, 2], [3, 4]))
print(list(nested))
