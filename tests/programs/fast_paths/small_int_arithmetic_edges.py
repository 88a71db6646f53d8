# The loop's small-int arithmetic at its edges: results that leave the small-int range become big
# ints, Python's rounding of // and % for every sign, shifts, and errors from the general path.
edges = [0, 1, -1, 2, -2, 7, -7, 2**23, -(2**23), 2**46 - 1, -(2**46), 2**47 - 1, -(2**47),
         2**47, -(2**47) - 1, 3037000499, -3037000500]
for a in edges:
    for b in edges:
        print(a, b, a * b, a + b, a - b)
        if b != 0:
            print(' ', a // b, a % b)
        a2 = a
        a2 *= b
        print(' ', a2)
for a in [5, -5, 6, -6, 0, 2**47 - 1, -(2**47)]:
    for b in [3, -3, 1, -1, 2, -2, 7, -7]:
        q = a
        q //= b
        r = a
        r %= b
        print(a, b, q, r, divmod(a, b))
for a in [1, -1, 3, -3, 2**40, -(2**40), 2**47 - 1, -(2**47)]:
    for b in [0, 1, 7, 8, 15, 16, 30, 47, 63, 64, 100]:
        print(a, b, a << b, a >> b)
for operation in [lambda: 1 // 0, lambda: 1 % 0, lambda: 1 << -1, lambda: 1 >> -1]:
    try:
        print(operation())
    except (ZeroDivisionError, ValueError) as error:
        print(type(error).__name__)
# A loop whose counter products cross the boundary on the way.
value = 3
for step in range(40):
    value = value * 3 % 1000000000000007
    print(step, value, value * value, value // 7 - value % 7)
