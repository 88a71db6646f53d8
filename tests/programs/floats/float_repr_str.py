# float repr and str for common, tiny, huge and negative-zero values
for value in [0.1, 0.5, 1/3, 2/3, 100.0, 1e15, 1e16, 1e-4, 1e-5, 123456789.125, -0.0]:
    print(repr(value), str(value))
print(float('inf'), float('-inf'), float('nan'))
print(1.0 * 10, 10 / 4, 10 / 5, 2 ** -1)
