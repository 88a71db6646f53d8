# Set membership for numbers that compare equal, strings, tuples, and unhashable members.
values = {1, 2.0, 'x', (1, 2), None, 2**65}
print(1.0 in values, 2 in values, 'x' in values, (1, 2) in values, None in values, 2**65 in values, 3 in values)
print(len({1, 1.0, True}), len({0, 0.0, False, -0.0}), len({'a', 'a' + ''}))
words = set('the quick brown the lazy quick'.split())
print(sorted(words), len(words))
unique = []
seen = set()
for value in [3, 1, 3, 2, 1, 4]:
    if value not in seen:
        seen.add(value)
        unique.append(value)
print(unique)
try:
    {[1]}
except TypeError as error:
    print('TypeError', error)
try:
    {1} | [2]
except TypeError as error:
    print('TypeError', error)
