# del of every target kind: locals, globals, names at module level, attributes, items, slices.
module_name = 'present'
del module_name
try:
    print(module_name)
except NameError as error:
    print('module name deleted', type(error).__name__)
counter = 1
def delete_global():
    global counter
    del counter
delete_global()
print('counter' in globals())
def delete_local():
    local_value = 5
    del local_value
    try:
        print(local_value)
    except NameError as error:
        print('local deleted', type(error).__name__)
delete_local()
class Thing:
    pass
thing = Thing()
thing.attribute = 3
del thing.attribute
print(hasattr(thing, 'attribute'))
items = [0, 1, 2, 3, 4]
del items[0]
del items[-1]
print(items)
table = {'a': 1, 'b': 2}
del table['a']
print(table)
first, second = [1, 2], {'x': 1}
del first[0], second['x']
print(first, second)
a = b = 1
del a, b
print('a' in globals(), 'b' in globals())
nested = [[1, 2], [3, 4]]
del nested[1][0]
print(nested)
