# keys, values and items views: iteration, membership, len and conversion, printed sorted.
table = {'x': 1, 'y': 2, 'z': 3}
print(sorted(table.keys()), sorted(table.values()), sorted(table.items()))
print(len(table.keys()), 'x' in table.keys(), 2 in table.values(), ('y', 2) in table.items(), ('y', 3) in table.items())
total = 0
for key in table:
    total += table[key]
print(total, sorted(key * 2 for key in table), sorted(list(table)))
for key, value in sorted(table.items()):
    print(key, value)
keys = table.keys()
table['w'] = 0
print(sorted(keys), len(keys))
print(list({5: 'five'}.keys()), list({5: 'five'}.values()), list({5: 'five'}.items()))
