# Nested loops: break and continue affect only the innermost loop; flags to break outer loops.
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        if i == 2:
            break
        print(i, j)
    else:
        print('inner else', i)
found = None
for row in range(4):
    for column in range(4):
        if row * column == 6:
            found = (row, column)
            break
    if found:
        break
print('found', found)
total = 0
i = 0
while i < 4:
    j = 0
    while j < i:
        total += j
        j += 1
    i += 1
print('total', total)
matrix = [[1, 2], [3, 4], [5, 6]]
for row in matrix:
    for cell in row:
        print(cell, end=' ')
    print()
