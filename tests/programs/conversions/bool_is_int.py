# expect: cpython
# bool is a subclass of int: isinstance and issubclass say so, and bools work as int keys and indexes.
print(isinstance(True, int), isinstance(False, int), issubclass(bool, int), isinstance(1, bool))
print(isinstance(True, (str, int)), type(True) is bool, type(True) is int)
flags = {1: 'one', 0: 'zero'}
print(flags[True], flags[False], ['no', 'yes'][True], 'ab'[False])
print(sum([True, True, False]), max(False, True), [1, 2, 3][True:])
