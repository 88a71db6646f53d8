# filter with a function and with None, map with one and several iterables, laziness
print(list(filter(lambda x: x % 2, range(10))))
print(list(filter(None, [0, 1, '', 'a', None, [], [0]])))
print(list(map(str, [1, 2, 3])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(pow, [2, 3], [3, 2], [5, 5])))
calls = []
def tracked(x):
    calls.append(x)
    return x + 1
lazy = map(tracked, [1, 2, 3])
print(calls)
print(next(lazy), calls)
print(list(lazy), calls)
print(sum(map(len, ['ab', 'cde', ''])))
