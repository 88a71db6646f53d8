# Descriptor protocol: __get__, __set__ and __delete__ on class attributes.
class Logged:
    def __init__(self, name):
        self.name = '_' + name
    def __get__(self, instance, owner):
        print('get', self.name)
        return getattr(instance, self.name, 'unset')
    def __set__(self, instance, value):
        print('set', self.name, value)
        setattr(instance, self.name, value)
    def __delete__(self, instance):
        print('delete', self.name)
        delattr(instance, self.name)
class Model:
    size = Logged('size')
    color = Logged('color')
m = Model()
print(m.size)
m.size = 10
print(m.size)
m.color = 'red'
print(m.color, m.size)
del m.size
print(m.size)
class Constant:
    def __get__(self, instance, owner):
        return 42
class Holder:
    answer = Constant()
print(Holder().answer, Holder().answer + 1)
