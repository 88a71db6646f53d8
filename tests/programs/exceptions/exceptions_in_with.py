# Exceptions inside with-blocks: __exit__ sees them, can suppress them, or can raise its own.
class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds
    def __enter__(self):
        return self
    def __exit__(self, kind, value, traceback):
        handled = kind is not None and issubclass(kind, self.kinds)
        print('exit', kind.__name__ if kind else None, 'suppressed' if handled else 'passed')
        return handled
with Suppress(KeyError):
    {}['missing']
print('after suppressed KeyError')
try:
    with Suppress(KeyError):
        [][0]
except IndexError:
    print('IndexError escaped')
class Replacing:
    def __enter__(self):
        return self
    def __exit__(self, kind, value, traceback):
        raise RuntimeError('from exit')
try:
    with Replacing():
        raise ValueError('original')
except RuntimeError as error:
    print('replaced by', error)
def loop_with_suppress():
    results = []
    for value in [1, 0, 2]:
        with Suppress(ZeroDivisionError):
            results.append(10 // value)
    return results
print(loop_with_suppress())
with Suppress(ValueError) as manager:
    print(type(manager).__name__)
class BadEnter:
    def __enter__(self):
        raise KeyError('enter failed')
    def __exit__(self, *args):
        print('exit not called')
try:
    with BadEnter():
        print('body not run')
except KeyError as error:
    print('enter raised', error)
