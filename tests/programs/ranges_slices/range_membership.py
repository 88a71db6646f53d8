# The in operator on ranges, including steps, negatives, floats and big values; index lookup.
numbers = range(0, 100, 7)
print(0 in numbers, 7 in numbers, 8 in numbers, 98 in numbers, 100 in numbers, -7 in numbers)
down = range(10, -10, -5)
print(list(down), 10 in down, -10 in down, -5 in down, 3 in down)
print(14.0 in numbers, 'a' in numbers, None in range(3), 999 in range(0, 1000, 3))
print([value for value in range(30) if value in range(3, 30, 9)])
print(list(enumerate(range(3, 6))), list(zip(range(3), range(10, 13))))
