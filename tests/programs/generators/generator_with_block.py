# with-blocks inside generators: __exit__ runs on exhaustion, on close and on errors.
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('open', self.name)
        return self
    def __exit__(self, kind, value, traceback):
        print('close', self.name, None if kind is None else kind.__name__)
        return False
def reader(name):
    with Resource(name):
        yield name + '1'
        yield name + '2'
print(list(reader('a')))
gen = reader('b')
print(next(gen))
gen.close()
gen = reader('c')
next(gen)
try:
    gen.throw(ValueError('boom'))
except ValueError as error:
    print('propagated', error)
