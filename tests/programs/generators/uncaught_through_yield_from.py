# An exception raised in a delegated-to generator escapes through yield from and the consumer.
def source():
    yield 'a'
    raise KeyError('source exhausted badly')
def relay():
    yield 'relay start'
    yield from source()
    yield 'not reached'
for item in relay():
    print('item', item)
