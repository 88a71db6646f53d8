# dir() of functions, closures, bound methods, generators and iterators. Names only one
# side has are left out; they are listed in docs/compatibility.md.
ONE_SIDED = ("__code__", "__qualname__", "__func__", "__self__", "__next__", "pend_throw",
             "__name__")


def common(names):
    return [name for name in names if name not in ONE_SIDED]


def plain_function(argument):
    return argument


def make_closure():
    captured_value = 1

    def inner_closure():
        return captured_value

    return inner_closure


class Holder:
    def holder_method(self):
        return 1

    def __call__(self):
        return 2


def counting_generator():
    yield 1


print(common(dir(plain_function)))
print("__name__" in dir(plain_function), "__globals__" in dir(plain_function))
print(common(dir(make_closure())))
print(common(dir(lambda: 0)))
print(common(dir(Holder().holder_method)))
print(common(dir(Holder.holder_method)))
print(dir(Holder()))
print(common(dir(counting_generator())))
print(common(dir(iter([]))), common(dir(iter(()))))
print(common(dir(len)), common(dir(print)))
plain_function.__name__
print(len(dir(plain_function)) == len(dir(plain_function)))
