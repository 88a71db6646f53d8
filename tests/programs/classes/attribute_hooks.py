# __getattr__ for missing attributes, __setattr__ and __delattr__ intercepting all writes.
class Defaults:
    present = 'real attribute'
    def __getattr__(self, name):
        if name.startswith('auto_'):
            return 'generated ' + name[5:]
        raise AttributeError(name)
d = Defaults()
print(d.present, d.auto_value, getattr(d, 'auto_x'))
print(hasattr(d, 'auto_y'), hasattr(d, 'other'))
try:
    d.other
except AttributeError as error:
    print('AttributeError', error.args)
class Recorder:
    def __init__(self):
        object.__setattr__(self, 'log', [])
    def __setattr__(self, name, value):
        self.log.append('set ' + name)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        self.log.append('del ' + name)
        object.__delattr__(self, name)
r = Recorder()
r.x = 5
r.y = 'ab'
print(r.x, r.y)
del r.x
print(hasattr(r, 'x'), r.log)
class Proxy:
    def __init__(self, target):
        self.target = target
    def __getattr__(self, name):
        return getattr(self.target, name)
print(Proxy([3, 1, 2]).count(1), Proxy('text').upper())
