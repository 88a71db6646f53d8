# Uncaught exception raised inside a generator while a for loop consumes it.
def readings():
    yield 1
    yield 2
    raise RuntimeError('sensor disconnected')
def consume():
    total = 0
    for value in readings():
        print('reading', value)
        total += value
    return total
consume()
