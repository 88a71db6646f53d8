# expect: micropython 1.29
# Converting between list, tuple, set, dict, str and bytes, printed in deterministic order.
source = [3, 1, 2, 3]
print(tuple(source), list(tuple(source)), sorted(set(source)), sorted(frozenset(source)))
print(list('héllo'), tuple(b'ab'), list(range(2, 5)), list({'a': 1}), sorted(dict([(1, 'x'), (2, 'y')]).items()))
print(dict(zip(['k'], [1])), dict([['a', 2]]), sorted(dict.fromkeys(source)), list(map(str, source)))
print(''.join(map(str, source)), str(source), str(tuple(source)), list(str(123)), bytes(source), list(bytes(source)))
print(list(enumerate('ab')), list(zip()), list(zip('ab', 'cd', 'ef')), tuple(iter([7, 8])))
try:
    dict([1, 2])
except (TypeError, ValueError) as error:
    print(type(error).__name__)
try:
    list(5)
except TypeError as error:
    print('TypeError', error)
