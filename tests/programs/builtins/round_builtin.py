# round with half-even ties, negative digits, floats and integers
for value in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 3.14159]:
    print(value, round(value), round(value, 2))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(7), round(7, 1), round(12.345, 1), round(12.5, -1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
