# property with getter, setter and deleter; read-only properties; property() call form.
class Circle:
    def __init__(self, radius):
        self._radius = radius
    @property
    def radius(self):
        print('get radius')
        return self._radius
    @radius.setter
    def radius(self, value):
        print('set radius', value)
        if value < 0:
            raise ValueError('negative radius')
        self._radius = value
    @radius.deleter
    def radius(self):
        print('delete radius')
        del self._radius
    @property
    def diameter(self):
        return self._radius * 2
c = Circle(3)
print(c.radius, c.diameter)
c.radius = 5
print(c.diameter)
try:
    c.radius = -1
except ValueError as error:
    print('rejected', error)
try:
    c.diameter = 1
except AttributeError as error:
    print('read-only', type(error).__name__)
del c.radius
print(hasattr(c, '_radius'))
class Old:
    def get_value(self):
        return 'value via property()'
    value = property(get_value)
print(Old().value)
