# generator.pend_throw(value): the next resume throws value in; it returns what was pending; None cancels.
def counter():
    n = 0
    while True:
        try:
            yield n
        except KeyError as error:
            print("caught", repr(error))
        n += 1


g = counter()
print(next(g))
print(g.pend_throw(KeyError("a")))
print(next(g))
g.pend_throw(KeyError("b"))
print(repr(g.pend_throw(None)))
print(next(g))
fresh = counter()
fresh.pend_throw(ValueError("before start"))
try:
    next(fresh)
except ValueError as error:
    print("raised", repr(error))
