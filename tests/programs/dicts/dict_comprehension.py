# Dict comprehensions, including conditions, tuple keys and inverting a mapping.
squares = {value: value * value for value in range(6)}
print(sorted(squares.items()))
odd = {value: value for value in range(10) if value % 2}
print(sorted(odd))
inverted = {value: key for key, value in {'a': 1, 'b': 2, 'c': 1}.items()}
print(sorted(inverted), sorted(inverted.values()) in (['b', 'c'], ['a', 'b']))
grid = {(row, column): row * column for row in range(3) for column in range(3)}
print(len(grid), grid[(2, 2)], grid[1, 2], sorted(key for key in grid if grid[key] == 2))
lengths = {word: len(word) for word in 'one three five'.split()}
print(sorted(lengths.items()), {key: 0 for key in []})
