# generator.throw(type, value) raises the value; a StopIteration thrown in and not caught is a RuntimeError.
def catcher():
    while True:
        try:
            yield "ready"
        except Exception as error:
            print("caught", type(error).__name__, error.args)


g = catcher()
next(g)
g.throw(ValueError, ValueError("instance"))
g.throw(ValueError, None)
g.throw(KeyError("alone"))


def plain():
    yield 1
    yield 2


g = plain()
next(g)
try:
    g.throw(StopIteration)
except RuntimeError:
    print("RuntimeError")


def delegating():
    yield from plain()


g = delegating()
next(g)
try:
    g.throw(StopIteration("x"))
except RuntimeError:
    print("RuntimeError through yield from")
