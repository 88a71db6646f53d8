# generator.send(): priming with None, receiving values, and errors for non-None first send.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    yield 'final %d' % total
acc = accumulator()
print(acc.send(None))
print(acc.send(5))
print(acc.send(10))
print(acc.send(None))
fresh = accumulator()
try:
    fresh.send(1)
except TypeError as error:
    print('TypeError on first send', error)
def echo():
    received = []
    while len(received) < 3:
        received.append((yield len(received)))
    return received
e = echo()
next(e)
e.send('a')
e.send('b')
try:
    e.send('c')
except StopIteration as stop:
    print('returned', stop.args[0], stop.value)
