# yield from: delegation, return value of the subgenerator, send and throw pass through.
def inner():
    received = yield 'inner first'
    print('inner got', received)
    yield 'inner second'
    return 'inner result'
def outer():
    result = yield from inner()
    print('outer got', result)
    yield 'outer done'
gen = outer()
print(next(gen))
print(gen.send('hello'))
print(next(gen))
print(next(gen, 'end'))
def chain(*iterables):
    for iterable in iterables:
        yield from iterable
print(list(chain([1, 2], 'ab', range(3), (x * x for x in range(3)))))
def failing():
    try:
        yield 1
    except ValueError:
        yield 'inner caught'
def delegator():
    yield from failing()
d = delegator()
print(next(d))
print(d.throw(ValueError))
def tree(node):
    value, children = node
    yield value
    for child in children:
        yield from tree(child)
print(list(tree((1, [(2, [(3, [])]), (4, [])]))))
def returns_only():
    return 42
    yield
def collect():
    value = yield from returns_only()
    yield value
print(list(collect()))
