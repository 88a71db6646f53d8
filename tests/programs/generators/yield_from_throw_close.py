# Through `yield from`, throw() hands its argument as given to the target's throw(); close() calls the target's close().
class Target:
    def __iter__(self):
        return self

    def __next__(self):
        return "next"

    def throw(self, thrown):
        print("throw got", thrown)
        return "thrown"

    def close(self):
        print("target closed")


def outer():
    yield from Target()


g = outer()
print(next(g))
print(g.throw(ZeroDivisionError))
print(g.throw(42))
g.close()


class NoMethods:
    def __iter__(self):
        return self

    def __next__(self):
        return 1


def outer_plain():
    yield from NoMethods()


g = outer_plain()
next(g)
try:
    g.throw(ValueError)
except ValueError as error:
    print("ValueError", error.args)
g = outer_plain()
next(g)
g.close()
print("closed")


def inner():
    try:
        yield 1
    finally:
        print("inner finally")


def middle():
    yield from inner()


g = middle()
next(g)
g.close()
