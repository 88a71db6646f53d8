# async with: __aenter__/__aexit__ coroutines, suppression and cleanup on errors.
class Session:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        print('aenter', self.name)
        return self.name.upper()
    async def __aexit__(self, kind, value, traceback):
        print('aexit', self.name, None if kind is None else kind.__name__)
        return self.suppress
async def main():
    async with Session('first') as handle:
        print('inside', handle)
    async with Session('second', suppress=True):
        raise ValueError('swallowed')
    print('after suppressed error')
    try:
        async with Session('third'):
            raise KeyError('escapes')
    except KeyError as error:
        print('caught', error)
    return 'main done'
coroutine = main()
try:
    coroutine.send(None)
except StopIteration as stop:
    print(stop.value)
