# range arguments, negative steps, indexing, slicing, membership and equality
print(list(range(5)), list(range(2, 5)), list(range(10, 0, -3)), list(range(0)))
numbers = range(3, 20, 4)
print(numbers[0], numbers[-1], len(numbers), 7 in numbers, 8 in numbers)
print(list(numbers[1:3]), list(numbers[::-1]))
print(list(range(-3, 3)), list(range(-1, -10, -4)))
print(numbers.start, numbers.stop, numbers.step)
print(repr(range(4)), repr(range(1, 9, 2)))
try:
    range(1, 2, 0)
except ValueError as error:
    print('ValueError', error)
try:
    numbers[10]
except IndexError as error:
    print('IndexError', error)
