# List repetition, concatenation and lexicographic comparisons, including nested and mixed lengths.
print([1, 2] * 3, 3 * [0], [1] * 0, [1] * -1, [] * 5, [[0]] * 2)
print([1, 2] + [3], [] + [], [1] + [[2]])
pairs = [[], [0], [1], [1, 2], [1, 2, 3], [1, 3], [2]]
for left in pairs:
    print(left, [left < right for right in pairs])
print([1, 2] == [1, 2], [1, 2] != [1, 2.0], [1, [2, 3]] == [1, [2, 3]], [1] == (1,), [] == [])
print(max([[1, 2], [1, 3], [0, 9]]), min([[2], [1, 5]]), [1, 2] <= [1, 2], [3] >= [2, 9])
try:
    [1] < ['a']
except TypeError as error:
    print('TypeError', error)
try:
    [1] + (2,)
except TypeError as error:
    print('TypeError', error)
