# enumerate with start values and zip with unequal, empty and many iterables
print(list(enumerate('abc')))
print(list(enumerate('abc', 10)), list(enumerate([], 5)))
print(list(enumerate(['x', 'y'], start=-1)))
print(list(zip([1, 2, 3], 'ab')))
print(list(zip()), list(zip([])))
print(list(zip(range(3), range(10, 13), 'xyz')))
pairs = [(1, 'one'), (2, 'two')]
numbers, words = zip(*pairs)
print(numbers, words)
iterator = enumerate(range(100, 103))
print(next(iterator), next(iterator))
print(dict(zip('ab', [1, 2]))['b'])
