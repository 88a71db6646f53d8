# __enter__/__exit__: the value bound by as, exception details passed to __exit__, suppression.
class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name + '-resource'
    def __exit__(self, kind, value, traceback):
        print('exit', self.name, kind.__name__ if kind else None, value.args if value else None)
        return self.suppress
with Manager('plain') as resource:
    print('using', resource)
with Manager('suppressing', suppress=True):
    raise ValueError('hidden')
print('continued after suppression')
try:
    with Manager('propagating'):
        raise KeyError('visible')
except KeyError as error:
    print('caught', error)
with Manager('outer') as first, Manager('inner') as second:
    print('both', first, second)
def returns_from_with():
    with Manager('in function'):
        return 'returned value'
print(returns_from_with())
with Manager('no as target'):
    pass
class Reusable:
    def __enter__(self):
        return self
    def __exit__(self, *details):
        print('exit details length', len(details))
with Reusable() as same:
    print(type(same).__name__)
