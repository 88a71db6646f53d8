# callable() on functions, classes, instances with and without __call__, and plain values
def function():
    pass
class Plain:
    pass
class Invocable:
    def __call__(self, x):
        return x * 2
print(callable(function), callable(lambda: 0), callable(Plain), callable(Plain()))
print(callable(Invocable()), Invocable()(21))
print(callable(print), callable(len), callable(1), callable('text'), callable(None))
print(callable([].append), callable(str.upper), callable(int))
