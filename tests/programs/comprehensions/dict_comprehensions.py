# Dict comprehensions: from pairs, inverted mappings, filtered and with computed keys.
squares = {n: n * n for n in range(5)}
print(sorted(squares.items()))
words = ['apple', 'bob', 'cat', 'apple']
lengths = {word: len(word) for word in words}
print(sorted(lengths.items()))
inverted = {value: key for key, value in {'a': 1, 'b': 2}.items()}
print(sorted(inverted.items()))
print(sorted({k: v for k, v in zip('xyz', range(3)) if v}.items()))
print({i % 3: i for i in range(10)}[1])
grid = {(r, c): r * c for r in range(3) for c in range(3) if r != c}
print(len(grid), grid[(1, 2)], grid[(2, 0)])
print({}, {k: k for k in []})
