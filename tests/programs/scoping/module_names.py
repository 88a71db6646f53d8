# Module-level name operations: store, load, delete, builtins lookup and shadowing a builtin.
alpha = 1
print(alpha)
del alpha
try:
    print(alpha)
except NameError as error:
    print(type(error).__name__, error)
print(len('abc'))
len = lambda value: 'shadowed'
print(len('abc'))
del len
print(len('abc'))
def uses_builtin():
    return max(3, 9)
print(uses_builtin())
max = min
print(uses_builtin())
del max
print(uses_builtin())
try:
    del never_defined
except (NameError, KeyError):
    print('delete undefined failed')
