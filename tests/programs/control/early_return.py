# return from inside loops and nested blocks, implicit None return and multiple return values.
def first_even(values):
    for value in values:
        if value % 2 == 0:
            return value
def search(grid, target):
    for row_index, row in enumerate(grid):
        for column_index, cell in enumerate(row):
            if cell == target:
                return row_index, column_index
    return None
def implicit():
    x = 1
def bare():
    return
print(first_even([1, 3, 4, 6]), first_even([1, 3]))
print(search([[1, 2], [3, 4]], 4), search([[1]], 9))
print(implicit(), bare())
def while_return(limit):
    count = 0
    while True:
        count += 1
        if count >= limit:
            return count
print(while_return(7))
row, column = search([[0, 0], [0, 5]], 5)
print(row, column)
