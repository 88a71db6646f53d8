# The @ operator dispatches to __matmul__ (and @= to __imatmul__ falling back to __matmul__).
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __matmul__(self, other):
        columns = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(row, column)) for column in columns] for row in self.rows])
    def __repr__(self):
        return 'Matrix(%r)' % (self.rows,)
identity = Matrix([[1, 0], [0, 1]])
m = Matrix([[1, 2], [3, 4]])
print(m @ identity)
print(m @ m)
m @= m
print(m)
