# Dict equality ignores insertion order; values compare by ==; dicts never order-compare.
first = {'a': 1, 'b': 2}
second = {'b': 2, 'a': 1}
print(first == second, first != second, first == {'a': 1}, {} == {}, {1: 1.0} == {1.0: 1})
print({'a': [1, 2]} == {'a': [1, 2]}, {'a': 1} == {'a': 2}, {'a': 1} == {'b': 1}, first == [('a', 1), ('b', 2)])
second['c'] = 3
print(first == second)
del second['c']
print(first == second)
try:
    print(first < second)
except TypeError as error:
    print('TypeError', error)
