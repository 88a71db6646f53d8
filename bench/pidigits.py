# Benchmark: digits of pi by Gibbons' unbounded spigot; stresses big-int multiply, add and floor division.
def pi_digits(count):
    digits = []
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    while len(digits) < count:
        if 4 * q + r - t < n * t:
            digits.append(n)
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = q * k, (2 * q + r) * l, t * l, k + 1, (q * (7 * k + 2) + r * l) // (t * l), l + 2
    return digits


digits = pi_digits(2800)
text = ''.join(str(digit) for digit in digits)
print(text[:50])
print('digits', len(text), 'sum', sum(digits), 'last', text[-20:])
