# Function decorators: plain, with arguments, stacked, and decorators that keep state.
def shout(function):
    def wrapper(*args, **kwargs):
        return function(*args, **kwargs).upper()
    return wrapper
@shout
def greet(name):
    return 'hello ' + name
print(greet('ann'))
def repeat(times):
    def decorate(function):
        def wrapper(*args):
            return [function(*args) for _ in range(times)]
        return wrapper
    return decorate
@repeat(3)
def dice(value):
    return value * 2
print(dice(4))
def tag(label):
    def decorate(function):
        def wrapper():
            return '<' + label + '>' + function() + '</' + label + '>'
        return wrapper
    return decorate
@tag('b')
@tag('i')
def text():
    return 'words'
print(text())
calls = {}
def counted(function):
    def wrapper(*args):
        calls[function.__name__] = calls.get(function.__name__, 0) + 1
        return function(*args)
    return wrapper
@counted
def square(x):
    return x * x
print(square(3), square(4), calls)
registry = []
def register(function):
    registry.append(function.__name__)
    return function
@register
def alpha():
    pass
@register
def beta():
    pass
print(registry)
