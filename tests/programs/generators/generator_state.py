# Generator local state across yields, multiple independent generators, and generator methods.
def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
first = fibonacci()
second = fibonacci()
print([next(first) for _ in range(10)])
print(next(second), next(second), next(first))
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def walk(self):
        yield self.value
        for child in self.children:
            yield from child.walk()
    def __iter__(self):
        return self.walk()
tree = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(tree), [v * 2 for v in tree])
def windows(sequence, size):
    for start in range(len(sequence) - size + 1):
        yield sequence[start:start + size]
print(list(windows([1, 2, 3, 4, 5], 3)))
def pipeline():
    numbers = (n for n in range(20))
    evens = (n for n in numbers if n % 2 == 0)
    squared = (n * n for n in evens)
    return list(squared)
print(pipeline())
