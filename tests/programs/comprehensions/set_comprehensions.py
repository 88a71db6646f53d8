# Set comprehensions: deduplication, filtering, nested loops; printed sorted for stable output.
print(sorted({n % 4 for n in range(20)}))
print(sorted({c.lower() for c in 'Hello World' if c.isalpha()}))
print(sorted({(a, b) for a in range(3) for b in range(3) if a <= b}))
print(len({x * 0 for x in range(100)}), type({x for x in ''}).__name__)
words = ['one', 'two', 'three', 'four']
print(sorted({len(w) for w in words}), 3 in {len(w) for w in words})
