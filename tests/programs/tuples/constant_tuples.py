# Tuple constants of a module, nested and of every constant kind, made once per code object:
# the same constant is the same object each time it is loaded, and () is the one empty tuple.
nested = ((1, 2, (3, 4.5, "x", (6, 7))), 2**70, b"by", ())
print(nested, nested[3] is ())


def constant():
    return ((1, (2, 3)), ("a", ("b",)), -1.5, 10**30)


print(constant(), constant() is constant())
print(constant()[1][1], len(constant()))
