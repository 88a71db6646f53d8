# Generator expressions passed to functions, nested inside other comprehensions and consumed twice.
data = [3, 1, 4, 1, 5, 9, 2, 6]
print(sum(x for x in data if x > 2), min(x for x in data), max((x for x in data), default=None))
print(sorted((x for x in data), reverse=True)[:3])
print(list(sum(row) for row in [[1, 2], [3], []]))
print([list(c for c in word) for word in ['ab', 'c']])
squares = (x * x for x in range(4))
print(list(squares), list(squares))
print(''.join(str(d) for d in range(5)), ','.join(s for s in 'xyz'))
print(tuple(x for x in range(3)), set(x % 2 for x in range(5)) == {0, 1})
print(list(zip((a for a in 'abc'), (b for b in range(10)))))
print(any(x > 8 for x in data), all(x > 0 for x in data))
