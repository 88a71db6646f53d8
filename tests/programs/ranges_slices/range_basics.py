# range objects: len, indexing, negative indexes, iteration, repr, equality and truthiness.
for bounds in [(5,), (2, 8), (0, 10, 3), (10, 0, -2), (0,), (5, 5), (5, 2), (-3, 3), (0, 2**30, 2**28)]:
    numbers = range(*bounds)
    print(numbers, len(numbers), list(numbers) if len(numbers) < 20 else len(numbers), bool(numbers))
numbers = range(3, 30, 4)
print(numbers[0], numbers[-1], numbers[2], numbers[-3], numbers.start, numbers.stop, numbers.step)
print(list(range(3)) == [0, 1, 2], tuple(range(2)), sum(range(101)))
print(list(range(-5)), list(range(-2, 2)), list(range(2, -2, -1)), max(range(7)), min(range(4, 9)))
total = 0
for index in range(1000000, 1000010):
    total += index
print(total)
