# Class decorators, with and without arguments, that register or modify the class.
registry = {}
def register(cls):
    registry[cls.__name__] = cls
    return cls
def with_label(label):
    def decorate(cls):
        cls.label = label
        original = cls.describe
        def describe(self):
            return '[' + label + '] ' + original(self)
        cls.describe = describe
        return cls
    return decorate
@register
@with_label('tagged')
class Item:
    def describe(self):
        return 'an item'
@register
class Other:
    pass
print(sorted(registry), Item.label, Item().describe())
def replace_with_factory(cls):
    def factory(*args):
        return ('made', cls(*args).value)
    return factory
@replace_with_factory
class Wrapped:
    def __init__(self, value):
        self.value = value
print(Wrapped(9))
