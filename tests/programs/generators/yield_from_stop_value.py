# `yield from` any iterator evaluates to the value its StopIteration carries.
def stops_with(x):
    if x < 2:
        return x
    raise StopIteration("from map")


def over_map():
    result = yield from map(stops_with, range(10))
    print("map gave", result)


print(list(over_map()))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration("done")
        self.n -= 1
        return self.n


def over_class():
    result = yield from Countdown(3)
    print("class gave", result)


print(list(over_class()))


def inner():
    yield 1
    return 7


def outer():
    print("generator gave", (yield from inner()))


print(list(outer()))
iterator = Countdown(1)
print(next(iterator))
try:
    next(iterator)
except StopIteration as stop:
    print("next raised", stop.args)
