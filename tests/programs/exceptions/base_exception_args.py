# Exception objects: args of different lengths, str and repr of built-in exceptions.
for error in [ValueError(), ValueError('one'), ValueError('one', 'two'), KeyError('key'), OSError('io failed')]:
    print(type(error).__name__, error.args, '[' + str(error) + ']')
print(repr(ValueError('x')), repr(KeyError()), repr(TypeError(1, 2)))
print(str(KeyError('quoted key')), str(KeyError(1, 2)))
e = Exception('data', [1, 2])
print(e.args[1][0])
print(isinstance(e, BaseException), isinstance(StopIteration(), Exception))
print(ZeroDivisionError.__name__, issubclass(ZeroDivisionError, Exception))
