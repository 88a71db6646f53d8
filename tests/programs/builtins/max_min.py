# max and min over iterables and arguments, with key and default
print(max(3, 1, 2), min(3, 1, 2), max([4, 9, 2]), min('hello'))
print(max(['apple', 'fig', 'banana'], key=len), min(['apple', 'fig', 'kiwi'], key=len))
print(max([], default='none'), min((), default=0))
print(max([(1, 'b'), (1, 'a'), (0, 'z')]))
print(max([1, 5, 5, 2], key=lambda x: -x), min(2.5, 2, 3))
print(max([3, 1], [2, 9]), min('b', 'a', 'c'))
records = [('x', 3), ('y', 7), ('z', 7)]
print(max(records, key=lambda record: record[1]))
try:
    max([])
except ValueError as error:
    print('ValueError', error)
