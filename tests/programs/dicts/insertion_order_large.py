# expect: cpython
# Insertion order survives growth and many deletions in a larger dict.
table = {}
for index in range(100):
    table[(index * 37) % 101] = index
print(list(table)[:10], list(table)[-5:])
for key in list(table):
    if key % 3 == 0:
        del table[key]
print(list(table)[:10], len(table))
for key in range(200, 205):
    table[key] = key
print(list(table)[-7:], next(iter(table)))
