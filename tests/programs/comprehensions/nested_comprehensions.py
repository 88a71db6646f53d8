# Deeply nested comprehensions of mixed kinds and comprehensions inside lambdas and methods.
print([[[z for z in range(y)] for y in range(x)] for x in range(3)])
print(sorted({k: [v * k for v in range(3)] for k in range(1, 3)}.items()))
print(sorted({(x, frozen) for x in range(2) for frozen in [tuple(range(x))]}))
table = [[r * c for c in range(1, 4)] for r in range(1, 4)]
print(table, [sum(row) for row in table], sum(sum(row) for row in table))
transpose = lambda rows: [[row[i] for row in rows] for i in range(len(rows[0]))]
print(transpose([[1, 2], [3, 4], [5, 6]]))
class Board:
    def __init__(self, size):
        self.cells = [[(r + c) % 2 for c in range(size)] for r in range(size)]
    def count(self, value):
        return sum(1 for row in self.cells for cell in row if cell == value)
board = Board(3)
print(board.cells, board.count(0), board.count(1))
