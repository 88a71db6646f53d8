# __call__ makes instances callable; they work anywhere functions do.
class Multiplier:
    def __init__(self, factor):
        self.factor = factor
    def __call__(self, value, extra=0):
        return value * self.factor + extra
double = Multiplier(2)
print(double(5), double(5, extra=1), callable(double), callable(Multiplier))
print(list(map(double, [1, 2, 3])))
class Accumulator:
    def __init__(self):
        self.total = 0
    def __call__(self, *values, **named):
        self.total += sum(values) + sum(named.values())
        return self
acc = Accumulator()
acc(1, 2)(3)(x=4)
print(acc.total)
class Memo:
    def __init__(self, function):
        self.function = function
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.function(n)
        return self.cache[n]
@Memo
def slow_square(n):
    print('computing', n)
    return n * n
print(slow_square(4), slow_square(4), slow_square(5))
