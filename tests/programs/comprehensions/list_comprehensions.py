# List comprehensions: filters, nested loops, nested comprehensions and complex expressions.
print([n * n for n in range(6)])
print([n for n in range(20) if n % 3 == 0 if n % 2 == 0])
print([(x, y) for x in range(3) for y in 'ab'])
print([(x, y) for x in range(4) if x % 2 for y in range(x) if y != 1])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([cell for row in matrix for cell in row])
print([word.upper() for word in 'the quick fox'.split() if len(word) > 3])
print([i if i % 2 else -i for i in range(5)])
print([len(s) for s in ['', 'a', 'ab']], [])
print([[0] * 2 for _ in range(2)])
print([x for x in []], [x for x in 'abc' if False])
pairs = [(1, 'one'), (2, 'two')]
print([name for number, name in pairs], [(b, a) for a, b in pairs])
print([f(3) for f in [abs, str, float]])
