# Chains of yield from: values, sends, returns and exceptions pass through every level.
def leaf(items):
    total = 0
    for item in items:
        got = yield item
        if got is not None:
            total += got
    return total

def level(depth, items):
    if depth == 0:
        result = yield from leaf(items)
    else:
        result = yield from level(depth - 1, items)
    return result + 1

print(list(level(5, range(4))))
gen = level(3, [10, 20, 30])
print(next(gen))
print(gen.send(1))
print(gen.send(2))
try:
    gen.send(3)
except StopIteration as stop:
    print('returned', stop.args)

# An exception from the leaf is caught two levels up, and the chain goes on from there.
def failing():
    yield 'f1'
    raise ValueError('leaf failed')

def middle():
    yield from failing()

def catcher():
    try:
        yield from middle()
    except ValueError as error:
        print('caught', error)
    yield 'after catch'

def top():
    value = yield from catcher()
    yield ('top', value)

print(list(top()))

# Re-entering a generator of the chain while the leaf runs.
def reenter():
    yield next(chain)

def relay():
    yield from reenter()

chain = relay()
try:
    next(chain)
except ValueError as error:
    print('ValueError', error)

# throw() and close() into a paused chain, then plain resumes again.
def guarded(name):
    try:
        yield name + ' 1'
        yield name + ' 2'
        yield name + ' 3'
    except KeyError as error:
        print(name, 'got KeyError', error)
        yield name + ' recovered'
    finally:
        print(name, 'finally')

def wrapper():
    yield from guarded('inner')
    yield 'wrapper end'

gen = wrapper()
print(next(gen))
print(gen.throw(KeyError('k')))
print(next(gen))
print(next(gen, 'exhausted'))
gen = wrapper()
print(next(gen))
print(next(gen))
gen.close()
print('closed')

# pend_throw on a generator in the middle of a chain.
def pending_middle():
    try:
        yield from guarded('deep')
    except OSError as error:
        print('middle got', repr(error))
        yield 'middle recovered'

gen = pending_middle()
print(next(gen))
print(gen.pend_throw(OSError(5)))
print(next(gen))

# Delegating to iterators that are not generators, inside a generator chain.
def mixed():
    yield from [1, 2]
    yield from iter((3,))
    yield from level(1, 'ab')

print(list(mixed()))

# Two generators delegating to one shared generator, alternately.
def shared_source():
    for index in range(6):
        yield index

source = shared_source()

def taker(name):
    yield from source

left = taker('left')
right = taker('right')
print([next(left), next(right), next(left), next(right)])
print(list(right), list(left))

# A deep chain ending in StopIteration raised inside the leaf becomes RuntimeError.
def bad_leaf():
    yield 1
    raise StopIteration(7)

def deep(depth):
    if depth == 0:
        yield from bad_leaf()
    else:
        yield from deep(depth - 1)

try:
    print(list(deep(4)))
except RuntimeError as error:
    print('RuntimeError', error)

# A deep chain that raises an uncaught exception reports every level.
def trace_leaf():
    yield 1
    1 // 0

def trace_level(depth):
    if depth == 0:
        yield from trace_leaf()
    else:
        yield from trace_level(depth - 1)

try:
    for value in trace_level(3):
        print('traced', value)
except ZeroDivisionError as error:
    import sys
    print('ZeroDivisionError', error)
