# Creating dicts, storing, overwriting, reading, deleting and testing keys; printed sorted.
table = {}
table['b'] = 2
table['a'] = 1
table['c'] = 3
table['a'] = 10
print(sorted(table.items()), len(table), table['a'], 'b' in table, 'z' in table, 'z' not in table)
del table['b']
print(sorted(table.items()), len(table))
print({'only': 1}, {}, {1: 'one'}, {(1, 2): [3]}, dict(), dict(x=1), dict([('k', 'v')]))
built = dict(zip('abc', range(3)))
print(sorted(built.items()), sorted(dict(built, d=3).items()))
numbers = {1: 'int', 2.5: 'float', True: 'bool?', None: 'none', (): 'tuple'}
print(numbers[1], numbers[2.5], numbers[None], numbers[()], len(numbers), numbers[1.0])
counts = {}
for word in 'the cat and the hat and the bat'.split():
    counts[word] = counts.get(word, 0) + 1
print(sorted(counts.items()))
big = {}
for index in range(200):
    big[index * 7] = index
print(len(big), big[700], sum(big.values()), 699 in big)
for index in range(0, 200, 2):
    del big[index * 7]
print(len(big), 7 in big, 14 in big, sorted(big)[:5])
