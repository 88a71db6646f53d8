# list.copy, slicing copies, concatenation, repetition, comparison and nested aliasing
original = [1, [2, 3]]
shallow = original.copy()
shallow[0] = 99
shallow[1].append(4)
print(original, shallow)
print([1, 2] + [3], [0] * 3, [[0]] * 2, [] * 5)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2])
grid = [[0] * 2 for _ in range(2)]
grid[0][0] = 1
print(grid)
print(3 in [1, 2, 3], 4 not in [1, 2, 3])
