# Ranges that count down, with various steps and empty results.
for bounds in [(10, 0, -1), (10, 0, -3), (0, 10, -1), (-1, -10, -4), (5, 5, -1), (3, -4, -2), (2**30 - 1, 2**30 - 7, -2)]:
    numbers = range(*bounds)
    print(bounds, list(numbers), len(numbers), numbers[0] if numbers else None, numbers[-1] if numbers else None)
print(list(reversed(range(5))), list(reversed(range(10, 0, -3))), list(reversed(range(0))))
try:
    range(1, 5, 0)
except ValueError as error:
    print('ValueError', error)
