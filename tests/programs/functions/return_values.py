# Return values of every kind, tuple packing on return, and functions returning functions.
def many():
    return 1, 'two', [3]
a, b, c = many()
print(a, b, c, type(many()).__name__)
def nothing():
    return None
def conditional(flag):
    if flag:
        return 'yes'
print(nothing(), conditional(True), conditional(False))
def returns_function():
    return len
print(returns_function()('four'))
def returns_generator():
    return (i * i for i in range(3))
print(list(returns_generator()))
def returns_dict():
    return {'key': 'value'}
print(returns_dict()['key'])
def tuple_return(items):
    return tuple(items) + ('end',)
print(tuple_return([1, 2]))
