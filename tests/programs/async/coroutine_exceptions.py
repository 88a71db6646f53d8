# Exceptions inside coroutines: propagation through await, throw() into a suspended coroutine.
class Pause:
    def __iter__(self):
        yield 'paused'
    __await__ = __iter__
async def failing():
    await Pause()
    raise ValueError('inside coroutine')
async def catcher():
    try:
        await failing()
    except ValueError as error:
        return 'caught: %s' % error
coroutine = catcher()
print(coroutine.send(None))
try:
    coroutine.send(None)
except StopIteration as stop:
    print(stop.value)
async def waiting():
    try:
        await Pause()
    except KeyError as error:
        print('thrown in', repr(error))
        return 'recovered'
coroutine = waiting()
print(coroutine.send(None))
try:
    coroutine.throw(KeyError('k'))
except StopIteration as stop:
    print(stop.value)
async def uncaught():
    raise RuntimeError('not handled')
try:
    uncaught().send(None)
except RuntimeError as error:
    print('propagated', error)
