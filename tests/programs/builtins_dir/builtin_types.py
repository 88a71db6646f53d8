# dir() of built-in types and their instances. Names only one side has are left out; they
# are listed in docs/compatibility.md.
ONE_SIDED = ("__base__", "__mro__", "__qualname__", "__dict__", "__init__", "__delitem__",
             "__contains__", "bit_length", "is_integer", "indices", "count", "index", "format",
             "__hash__", "__repr__", "__str__", "__eq__", "__ne__", "__getattribute__",
             "__init_subclass__", "ljust", "rjust", "zfill", "swapcase", "capitalize", "title",
             "isalnum", "removeprefix", "removesuffix")


def common(names):
    return [name for name in names if name not in ONE_SIDED]


print(common(dir([])))
print(common(dir(list)))
print(dir(()))
print(common(dir({})))
print(common(dir(dict)))
print(common(dir(set())))
print(common(dir(5)))
print(common(dir(int)))
print(common(dir(2.5)))
print(dir(1j))
print(common(dir(b"")))
print(common(dir(bytearray(2))))
print(common(dir(range(3))))
print(dir(None), dir(Ellipsis), dir(NotImplemented))
print(common(dir(object())), common(dir(object)))
print(common(dir("")))
print(common(dir(type)))
print(common(dir(property)))
print(dir(True) == dir(False))
for value in ([], (), {}, 5, 2.5, 1j, b"", None):
    print(type(value).__name__, "__class__" in dir(value), common(dir(value)) == sorted(common(dir(value))))
