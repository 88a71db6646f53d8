# Calling functions with positional and keyword arguments in different orders.
def describe(name, age, city):
    return '%s/%d/%s' % (name, age, city)
print(describe('Ann', 30, 'Oslo'))
print(describe('Ann', city='Rome', age=31))
print(describe(city='Lima', name='Bo', age=5))
def pair(a, b):
    return a - b
print(pair(10, 3), pair(b=10, a=3))
def errors():
    try:
        describe('x', 1)
    except TypeError as error:
        print('missing', type(error).__name__)
    try:
        describe('x', 1, 'y', 'z')
    except TypeError as error:
        print('too many', type(error).__name__)
    try:
        describe('x', 1, 'y', name='again')
    except TypeError as error:
        print('duplicate', type(error).__name__)
    try:
        describe('x', 1, town='y')
    except TypeError as error:
        print('unexpected', type(error).__name__)
errors()
