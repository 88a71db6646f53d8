# The loop's float arithmetic: float with float and with small int, comparisons with NaN and
# infinities, signed zeros, and division by zero raised by the general path.
inf = float('inf')
nan = float('nan')
values = [0.0, -0.0, 1.5, -2.25, 3, -4, 0, inf, -inf, nan, 1e308, 2**47 - 1]
for a in values:
    for b in values:
        print(a, b, a + b, a - b, a * b, a < b, a > b, a == b, a <= b, a >= b, a != b)
        if b != 0:
            print(' ', a / b)
for a, b in [(1.0, 0.0), (1.0, 0), (1, 0.0), (0.0, -0.0)]:
    try:
        print(a / b)
    except ZeroDivisionError as error:
        print('ZeroDivisionError', error)
total = 0.0
x = 0.1
for step in range(30):
    total += x
    total -= x / 3
    total *= 1.0001
print(total)
