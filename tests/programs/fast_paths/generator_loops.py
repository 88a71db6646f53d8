# For loops over generators, which the loop resumes directly: return values dropped, exceptions
# passing through, a loop left by break and continued by next(), an exhausted generator looped
# again, sends and closes from inside the loop, and deep yield from chains.
def counted(limit, result=None):
    for value in range(limit):
        yield value
    return result


for value in counted(3, 'dropped'):
    print('item', value)
try:
    next(counted(0, 'kept'))
except StopIteration as stop:
    print('StopIteration', stop.args)


def failing():
    yield 1
    raise ValueError('inside')


try:
    for value in failing():
        print('before', value)
except ValueError as error:
    print('ValueError', error)


def stops_itself():
    yield 1
    raise StopIteration


try:
    for value in stops_itself():
        print('stopping', value)
except RuntimeError as error:
    print('RuntimeError', error)

source = counted(6)
for value in source:
    if value == 2:
        break
print('after break', next(source), list(source), list(source))


def echo():
    received = None
    while True:
        received = yield received
        if received == 'stop':
            return


talker = echo()
next(talker)
for heard in talker:
    print('heard', heard)
    if heard is None:
        print('sent', talker.send('x'))
        talker.close()
print('closed')


def running():
    for value in own:
        yield value


own = running()
try:
    for value in own:
        pass
except ValueError as error:
    print('ValueError', error)


def chain(depth, limit):
    if depth == 0:
        yield from counted(limit)
    else:
        yield from chain(depth - 1, limit)


total = 0
for value in chain(12, 50):
    total += value
print('total', total)
deep = chain(5, 3)
print(next(deep), deep.send(None), deep.throw(KeyError, 'x') if False else next(deep))
try:
    deep.throw(KeyError('thrown'))
except KeyError as error:
    print('KeyError', error)
print(list(deep))
print(sum(value * value for value in counted(10)))
print([pair for pair in zip(counted(3), counted(5))])
