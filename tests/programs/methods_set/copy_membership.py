# set.copy independence, membership of mixed hashable types and set comprehensions
original = {1, 'two', (3, 4)}
duplicate = original.copy()
duplicate.add(5)
print(len(original), len(duplicate), 5 in original, (3, 4) in original, 1.0 in original)
squares = {value * value for value in range(-3, 4)}
print(sorted(squares))
print(len({1, 1.0, True}), sorted({'b', 'a', 'b'}))
try:
    {[1]}
except TypeError as error:
    print('TypeError', error)
