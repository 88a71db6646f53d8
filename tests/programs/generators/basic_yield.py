# Generator functions: lazy execution, next(), exhaustion, and use in for loops.
def countdown(n):
    print('starting')
    while n > 0:
        yield n
        n -= 1
    print('finished')
gen = countdown(3)
print('created')
print(next(gen))
print(next(gen))
for value in gen:
    print('loop', value)
print(next(gen, 'exhausted'))
def empty():
    return
    yield
print(list(empty()))
def yields_none():
    yield
    x = yield
    print('received', x)
print(list(yields_none()))
def infinite():
    n = 0
    while True:
        yield n
        n += 1
g = infinite()
print([next(g) for _ in range(5)])
print(type(countdown(1)).__name__)
