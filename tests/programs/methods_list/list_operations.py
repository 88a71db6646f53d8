# list slicing, slice assignment and deletion, operators and comparisons
numbers = list(range(10))
print(numbers[2:5], numbers[::3], numbers[::-2], numbers[-3:])
numbers[1:3] = ["a", "b", "c"]
print(numbers)
del numbers[2:4]
del numbers[0]
print(numbers)
numbers[:] = [1, 2]
print(numbers * 2, numbers + [3], [0] * 3, 2 in numbers)
print([1, 2] < [1, 3], [1, 2] == [1, 2], [2] > [1, 9], [] < [0])
nested = [[0] * 2 for _ in range(2)]
nested[0][0] = 1
print(nested)
try:
    numbers[5]
except IndexError as error:
    print("IndexError", error)
try:
    numbers[::0]
except ValueError as error:
    print("ValueError", error)
