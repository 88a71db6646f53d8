# Set comprehensions and building sets from iterables, printed sorted.
print(sorted({value % 5 for value in range(20)}), sorted({word[0] for word in ['apple', 'avocado', 'bean']}))
print(sorted({(x, y) for x in range(3) for y in range(3) if x != y}))
print(sorted(set('mississippi')), sorted(set(range(3)) | set([5])), sorted(set({'k': 1, 'j': 2})))
print(set(), sorted(set([])), {1}, {'only'}, frozenset({2}))
