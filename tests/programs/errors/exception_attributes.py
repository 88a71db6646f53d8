# errno and value are args[0] (or None) on every exception; built-in exceptions are read-only.
e = OSError(2, 'x')
print(e.errno, e.value, e.args)
print(OSError().errno, OSError('a').errno, OSError(5, 6, 7).errno)
print(StopIteration(5).value, StopIteration().value, ValueError(1).errno)


def attribute(obj, name):
    try:
        return getattr(obj, name)
    except AttributeError as error:
        return 'AttributeError: ' + str(error)


for name in ('strerror', 'filename', 'code', '__traceback__', 'missing'):
    print(name, attribute(e, name))
print(attribute(SystemExit(3), 'code'))


def store(obj, name, value):
    try:
        setattr(obj, name, value)
        print('stored', name, getattr(obj, name))
    except AttributeError as error:
        print('AttributeError:', error)


error = ValueError(3)
for name in ('foo', 'args', 'value', 'errno', '__traceback__'):
    store(error, name, 5)
store(error, '__traceback__', None)
try:
    del error.args
except AttributeError as caught:
    print('AttributeError:', caught)
print(error.args)


class Custom(Exception):
    pass


custom = Custom(4)
print(custom.errno, custom.value)
store(custom, 'foo', 1)
store(custom, 'errno', 7)
print(custom.args, custom.value)
