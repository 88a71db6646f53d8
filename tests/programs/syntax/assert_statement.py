# assert with and without a message, caught as AssertionError.
assert True
assert 1 + 1 == 2, 'math works'
try:
    assert False
except AssertionError as error:
    print('plain', type(error).__name__, error.args)
try:
    assert 1 > 2, 'one is not greater'
except AssertionError as error:
    print('message', error.args, str(error))
def check(value):
    assert value > 0, 'value must be positive: %d' % value
    return value * 2
print(check(4))
try:
    check(-3)
except AssertionError as error:
    print(error)
def message():
    print('message evaluated')
    return 'lazy'
assert True, message()
try:
    assert [], message()
except AssertionError as error:
    print(error.args[0])
