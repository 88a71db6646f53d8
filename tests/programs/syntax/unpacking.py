# Tuple/list unpacking, nested targets, starred targets and swapping.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
a, (b, c) = 7, (8, 9)
print(a, b, c)
x, y, z = 'xyz'
print(x, y, z)
[p, q] = [10, 20]
print(p, q)
(m, (n, o)), r = (1, (2, 3)), 4
print(m, n, o, r)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
head, *middle, tail = 'abcdef'
print(head, middle, tail)
one, *none = [1]
print(one, none)
(s, *t), u = [1, 2, 3], 4
print(s, t, u)
for i, (k, v) in enumerate([('a', 1), ('b', 2)]):
    print(i, k, v)
for left, *more in [(1, 2, 3), (4,)]:
    print(left, more)
d = {}
d['a'], d['b'] = 1, 2
print(sorted(d.items()))
class Obj:
    pass
obj = Obj()
obj.left, obj.right = 'L', 'R'
print(obj.left, obj.right)
a = b = c = 5
print(a, b, c)
u, v, w, x = 1, 2, 3, 4
print(w, x)
