# tuple, list and set constructors from strings, ranges, dicts and generators
print(tuple(), tuple('ab'), tuple([1, 2]), tuple(range(3)), tuple({'k': 1}))
print(list(), list('xy'), list((1, 2)), list(x for x in range(3)))
print(sorted(set('banana')), set() == set([]), sorted(set({3: 0, 1: 0})))
original = [1, 2]
duplicate = list(original)
duplicate.append(3)
print(original, duplicate)
source = (1, 2)
print(tuple(source) == source, list(source) == [1, 2])
