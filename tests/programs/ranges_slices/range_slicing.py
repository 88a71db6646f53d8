# Slicing ranges gives ranges; their contents match slicing the equivalent list.
numbers = range(0, 20, 3)
as_list = list(numbers)
for start, stop, step in [(None, None, None), (1, 4, None), (None, None, 2), (None, None, -1), (-3, None, None), (5, 1, -1), (2, 100, 2), (-100, -2, None)]:
    part = numbers[start:stop:step]
    print(part, list(part), list(part) == as_list[start:stop:step])
print(range(10)[::-2], range(10, 0, -1)[2:5], range(5)[10:], range(5)[-2:])
