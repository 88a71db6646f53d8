# async def coroutines driven by hand with send(None), awaiting other coroutines.
async def add(a, b):
    return a + b
async def compute():
    first = await add(1, 2)
    second = await add(first, 10)
    return first, second
def run(coroutine):
    try:
        while True:
            coroutine.send(None)
    except StopIteration as stop:
        return stop.value
print(run(compute()))
async def nothing():
    pass
print(run(nothing()))
async def chain(depth):
    if depth == 0:
        return 'bottom'
    below = await chain(depth - 1)
    return below + '<' + str(depth)
print(run(chain(4)))
