# Exceptions raised inside generators propagate to the consumer; the generator is then finished.
def faulty():
    yield 1
    raise ValueError('generator failed')
gen = faulty()
print(next(gen))
try:
    next(gen)
except ValueError as error:
    print('caught', error)
print(next(gen, 'finished'))
def with_finally():
    try:
        yield 'a'
        raise KeyError('k')
    finally:
        print('finally in generator')
try:
    for item in with_finally():
        print('item', item)
except KeyError as error:
    print('KeyError', error)
def handles_inside():
    for value in [1, 0, 2]:
        try:
            yield 10 // value
        except ZeroDivisionError:
            yield 'division by zero handled'
print(list(handles_inside()))
def running():
    yield next(active)
active = running()
try:
    next(active)
except ValueError as error:
    print('ValueError', error)
def stop_inside():
    yield 1
    raise StopIteration
try:
    print(list(stop_inside()))
except RuntimeError as error:
    print('RuntimeError')
