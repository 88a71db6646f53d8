# Container protocol: __len__, __bool__, __getitem__, __setitem__, __delitem__, __contains__.
class Grid:
    def __init__(self, width):
        self.width = width
        self.cells = {}
    def __len__(self):
        return len(self.cells)
    def __getitem__(self, position):
        if position not in self.cells:
            raise KeyError(position)
        return self.cells[position]
    def __setitem__(self, position, value):
        self.cells[position] = value
    def __delitem__(self, position):
        del self.cells[position]
    def __contains__(self, value):
        return value in self.cells.values()
grid = Grid(3)
print(len(grid), bool(grid))
grid[0, 1] = 'a'
grid[2, 2] = 'b'
print(len(grid), grid[0, 1], 'b' in grid, 'z' in grid, 'z' not in grid)
del grid[0, 1]
print(len(grid))
try:
    grid[5, 5]
except KeyError as error:
    print('KeyError', error.args)
grid[2, 2] += '!'
print(grid[2, 2])
class Truthy:
    def __init__(self, flag):
        self.flag = flag
    def __bool__(self):
        print('bool called')
        return self.flag
print(bool(Truthy(False)), 'yes' if Truthy(True) else 'no', not Truthy(True))
class Sequence:
    def __getitem__(self, index):
        if index >= 4:
            raise IndexError
        return index * index
print(list(Sequence()), 9 in Sequence())
class Sliceable:
    def __getitem__(self, key):
        return (key.start, key.stop, key.step)
print(Sliceable()[1:5], Sliceable()[::2])
