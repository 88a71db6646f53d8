# Comprehension variables do not leak; comprehensions see enclosing and global names.
x = 'unchanged'
squares = [x * x for x in range(4)]
print(squares, x)
factor = 3
print([v * factor for v in range(3)])
def inside():
    limit = 4
    return [i for i in range(10) if i < limit], {k: k * limit for k in range(2)}
print(inside())
class Table:
    size = 3
    rows = [r for r in range(3)]
print(Table.rows)
gen = (y for y in range(3))
print(list(gen))
try:
    print(y)
except NameError:
    print('y did not leak')
print(sorted({n % 3 for n in range(10)}))
