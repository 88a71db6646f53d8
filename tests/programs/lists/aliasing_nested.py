# Nested lists and aliasing: shared inner lists, copies, and mutation seen through every name.
row = [0] * 3
grid = [row] * 3
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for index in range(3)]
grid[0][0] = 1
grid[2][1] = 5
print(grid)
first = [1, 2, 3]
second = first
second.append(4)
print(first, second, first is second, first == second)
copy = first[:]
copy.append(5)
print(first, copy, list(first) is first)
outer = [[1], [2]]
shallow = list(outer)
shallow[0].append(10)
shallow[1] = ['replaced']
print(outer, shallow)
self_containing = [1, 2]
self_containing.append(self_containing)
print(len(self_containing), self_containing[2][2][0], self_containing[2] is self_containing)
matrix = [[row_index * 3 + column for column in range(3)] for row_index in range(3)]
transposed = [[matrix[row_index][column] for row_index in range(3)] for column in range(3)]
print(matrix, transposed, [sum(line) for line in matrix])
