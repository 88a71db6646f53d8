# Float floor division, modulo and divmod with every sign combination, including zero results.
pairs = [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-7.5, -2.0), (6.0, 3.0), (-6.0, 3.0), (0.0, 2.0), (-0.0, 2.0),
         (1.0, 0.3), (5, 2.5), (-5, 2.5), (7, -0.5), (1e20, 3.0), (0.5, 1e10), (-0.5, 1e10)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(5.0 % float('inf'), -5.0 % float('inf'), 5.0 // float('inf'))
print(7 // 2.0, 7 % 2.0, -7 // 2.0, -7 % 2.0, 2**70 % 3.0)
x = 10.0
x //= 3
print(x)
x %= 2
print(x)
