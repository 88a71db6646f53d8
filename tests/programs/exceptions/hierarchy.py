# Built-in exception hierarchy: catching via base classes such as LookupError, ArithmeticError, OSError.
def catch(action, base):
    try:
        action()
    except base as error:
        return '%s caught as %s' % (type(error).__name__, base.__name__)
print(catch(lambda: [][1], LookupError))
print(catch(lambda: {}['k'], LookupError))
print(catch(lambda: 1 // 0, ArithmeticError))
print(catch(lambda: 2 ** 2.0 / 0, ArithmeticError))
print(catch(lambda: int('x'), ValueError))
print(catch(lambda: None + 1, TypeError))
print(catch(lambda: undefined_thing, NameError))
print(catch(lambda: (1).missing, AttributeError))
print(catch(lambda: next(iter([])), StopIteration))
print(catch(lambda: [][0], Exception))
print(catch(lambda: {}['x'], BaseException))
def raise_os():
    raise OSError(2, 'no such thing')
print(catch(raise_os, OSError), catch(raise_os, Exception))
pairs = [(IndexError, LookupError), (KeyError, LookupError), (ZeroDivisionError, ArithmeticError),
         (OverflowError, ArithmeticError), (Exception, BaseException), (KeyboardInterrupt, Exception),
         (SystemExit, BaseException), (GeneratorExit, Exception), (StopIteration, Exception),
         (NotImplementedError, RuntimeError), (AssertionError, Exception), (ImportError, Exception),
         (UnicodeError, ValueError), (MemoryError, Exception), (TypeError, ValueError)]
for sub, base in pairs:
    print(sub.__name__, base.__name__, issubclass(sub, base))
