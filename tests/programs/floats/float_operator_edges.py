# Float with float at the edges: nan and infinities in comparisons, signed zeros, division
# by zero, floor division and modulo of negatives, powers, and in-place operators.
nan = float('nan')
inf = float('inf')
print(nan == nan, nan != nan, nan < nan, nan >= nan, nan + 1.0, inf - inf, inf * 0.0)
print(inf > 1e308, -inf < -1e308, inf == inf, inf + inf, -inf * 2.0)
print(0.0 == -0.0, -0.0 * 1.0, 0.0 * -1.0, 1.0 / -inf, -0.0 + 0.0, -0.0 - 0.0)
for left, right in ((1.0, 0.0), (0.0, 0.0), (-1.0, -0.0)):
    for text in ('left / right', 'left // right', 'left % right'):
        try:
            print(eval(text))
        except ZeroDivisionError as error:
            print(text, 'ZeroDivisionError', error)
print(7.5 // 2.0, -7.5 // 2.0, 7.5 % -2.0, -7.5 % 2.0, 1e300 * 1e10, 2.0 ** 0.5, 2.0 ** -1.0)
try:
    print(0.0 ** -1.0)
except ZeroDivisionError as error:
    print('ZeroDivisionError', error)
print((-8.0) ** (1.0 / 3.0))
total = 0.5
total += 0.25
total -= 1.0
total *= 4.0
total /= 2.0
print(total, 0.1 + 0.2, 0.1 * 3.0, 1.0 / 3.0)
print(1.5 < 2.5, 2.5 <= 2.5, 2.5 > 3.5, 3.5 >= 3.5, 1.0 != 1.0)
