# Floor division, modulo and divmod for every sign combination of small ints.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (6, -3), (-6, -3), (0, 5), (0, -5), (1, 7), (-1, 7), (1, -7)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), (a // b) * b + a % b == a)
big_values = [2**31 + 3, -(2**31) - 3, 2**40 + 11]
for a in big_values:
    for b in (5, -5, 2**20, -(2**20)):
        print(a // b, a % b)
x = 17
x //= 5
print(x)
x = -17
x %= 5
print(x)
print(-2**30 // -1, -2**31 // -1, -2**62 // -1, -2**63 // -1)
