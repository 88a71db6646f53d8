# Roots of unity and quadratic equations solved with cmath, printed with rounding.
import cmath

def rounded(z, digits=9):
    return complex(round(z.real, digits), round(z.imag, digits))

for count in (3, 4, 6):
    roots = [cmath.rect(1, 2 * cmath.pi * index / count) for index in range(count)]
    print(count, [rounded(root, 6) for root in roots], rounded(sum(roots), 9) == 0)
    print([round(abs(root ** count - 1), 9) for root in roots])

def solve(a, b, c):
    root = cmath.sqrt(b * b - 4 * a * c)
    return (-b + root) / (2 * a), (-b - root) / (2 * a)

for a, b, c in ((1, 0, 1), (1, -3, 2), (2, 2, 5), (1, 2, 1)):
    first, second = solve(a, b, c)
    print(a, b, c, rounded(first), rounded(second), round(abs(a * first * first + b * first + c), 9))
magnitude, angle = cmath.polar(3 + 4j)
print(magnitude, angle, rounded(cmath.rect(magnitude, angle)), cmath.polar(-2))
print(rounded(cmath.exp(cmath.log(5 + 2j))), rounded(cmath.sqrt(1j) ** 2), abs(cmath.exp(1j * 0.3)))
