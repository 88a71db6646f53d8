# An exception raised in an awaited coroutine escapes the manual driver loop.
async def fetch(key):
    if key == 'bad':
        raise ValueError('cannot fetch ' + key)
    return key.upper()
async def gather(keys):
    results = []
    for key in keys:
        results.append(await fetch(key))
        print('fetched', results[-1])
    return results
coroutine = gather(['a', 'bad', 'c'])
coroutine.send(None)
