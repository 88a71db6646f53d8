# Unpacking with the wrong number of values raises ValueError with MicroPython's messages.
def attempt(source, label):
    try:
        exec_unpack(source)
    except ValueError as error:
        print(label, type(error).__name__, error)
def exec_unpack(values):
    a, b = values
    print('unpacked', a, b)
attempt([1, 2], 'exact')
attempt([1], 'too few')
attempt([1, 2, 3], 'too many')
attempt('ab', 'string')
try:
    a, *b, c = [1]
except ValueError as error:
    print('star', error)
try:
    x, y = 5
except TypeError as error:
    print(type(error).__name__)
def gen():
    yield 1
    yield 2
    yield 3
try:
    a, b = gen()
except ValueError as error:
    print('generator', error)
a, b, c = gen()
print(a, b, c)
