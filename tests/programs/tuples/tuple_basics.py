# Tuple creation, single-element and empty reprs, indexing, slicing, concatenation and repetition.
empty = ()
single = (5,)
pair = 1, 2
print(empty, single, pair, (1), ((1,),), tuple(), tuple([1, 2]), tuple('ab'), tuple(range(3)))
print(len(empty), len(single), single[0], pair[-1], type(single).__name__, type((1)).__name__)
items = (10, 20, 30, 40, 50)
print(items[1:3], items[:-2], items[3:], items[10:], items[-100:2], items[:])
print(items + (60,), (0,) + items, items * 2, 2 * (1,), () * 5, (1,) * 0, (None,) * 3)
print(tuple(items) is items or True, (1, 'a', 2.5, None, [1], (2,)), ('x',) == ('x',))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested), [len(part) for part in nested])
print(sum((1, 2, 3)), max((4, 9, 2)), min(('b', 'a')), sorted((3, 1, 2)), list((1, 2)))
