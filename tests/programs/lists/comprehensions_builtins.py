# List comprehensions with conditions and nesting, and builtins that build or consume lists.
print([value * 2 for value in range(6) if value % 2], [(x, y) for x in range(3) for y in range(x)])
print([[y for y in range(x)] for x in range(4)], [word[0] for word in 'alpha beta gamma'.split()])
print(list(map(abs, [-1, 2, -3])), list(filter(None, [0, 1, '', 'a', [], [0]])), list(zip([1, 2, 3], 'ab')))
print(list(enumerate(['a', 'b'], 1)), sum([[1], [2, 3]], []), len([None] * 7), list(range(3, 0, -1)))
print(any([0, '', None]), any([0, 3]), all([]), all([1, 0]), min([4, 2, 8]), max([4, 2, 8], key=lambda v: -v))
print(list(reversed([1, 2, 3])), sorted([3, 1, 2], reverse=True), list(), list((1, 2)), list({5: 'x'}))
