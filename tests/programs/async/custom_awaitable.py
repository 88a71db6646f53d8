# Awaiting objects whose __iter__ (MicroPython) / __await__ (CPython) generator suspends the coroutine.
class Suspend:
    def __init__(self, label):
        self.label = label
    def __iter__(self):
        received = yield self.label
        return 'resumed with %s' % received
    __await__ = __iter__
async def worker(name, steps):
    results = []
    for step in range(steps):
        results.append(await Suspend(name + str(step)))
    return results
coroutine = worker('w', 3)
print(coroutine.send(None))
print(coroutine.send('a'))
print(coroutine.send('b'))
try:
    coroutine.send('c')
except StopIteration as stop:
    print(stop.value)
def round_robin(tasks):
    order = []
    while tasks:
        task = tasks.pop(0)
        try:
            order.append(task.send(None))
            tasks.append(task)
        except StopIteration as stop:
            order.append(('done', stop.value))
    return order
print(round_robin([worker('x', 2), worker('y', 1)]))
