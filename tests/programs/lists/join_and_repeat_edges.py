# expect: micropython 1.29
# `+` and `*` of lists and tuples build the result in place: empty sides, self-reference, counts.
a = [1, 2]
print(a + a, a * 3, 3 * a, a * 0, a * -2, a * True, a * False, [] * 5, [] + [])
a += a
print(a, len(a))
s = [0]
s.append(s)
t = s + s
print(len(t), t[1] is s, t[3] is s)
print((1, 2) + (3,), (1,) * 4, 2 * (7, 8), () * 3, (1, 2) * 0, () + ())
print((1, 2) * 0 is (), () + () is (), (5,) * 1 == (5,))
nested = [[0]] * 3
nested[0].append(1)
print(nested)
big = [None] * 10000 + [1] * 10000
print(len(big), big[9999], big[10000], big.count(1))
print(len(("x",) * 7000 + ("y",) * 5), (("x",) * 3)[-1])
try:
    [1] + (1,)
except TypeError:
    print("TypeError list + tuple")
try:
    (1,) * 2.0
except TypeError:
    print("TypeError tuple * float")
