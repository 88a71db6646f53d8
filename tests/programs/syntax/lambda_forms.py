# Lambda expressions: defaults, varargs, keywords, immediate calls, nested lambdas.
add = lambda a, b: a + b
print(add(2, 3))
print((lambda: 'no args')())
print((lambda x, y=10: x * y)(3), (lambda x, y=10: x * y)(3, 2))
print((lambda *args: sum(args))(1, 2, 3))
print((lambda **kw: sorted(kw.items()))(b=2, a=1))
print((lambda a, *, key: a + key)(1, key=5))
make_adder = lambda n: lambda x: x + n
print(make_adder(10)(5))
print(sorted(['ccc', 'a', 'bb'], key=lambda s: len(s)))
print(list(map(lambda x: x ** 2, range(5))))
print(list(filter(lambda x: x % 3 == 0, range(10))))
funcs = [lambda i=i: i * 10 for i in range(3)]
print([g() for g in funcs])
print((lambda x: (lambda y: x + y))(1)(2))
