# Rebinding globals from functions and the module while the lookups of the same names are cached.
counter = 0
total = 0


def bump(amount):
    global counter, total
    counter += 1
    total = total + amount
    return counter


for index in range(5):
    bump(index)
print(counter, total)

# A global that shadows a built-in, stored after the built-in was looked up.
def use_len(value):
    return len(value)


print(use_len('abc'))


def shadow():
    global len
    len = lambda value: 'shadowed'


shadow()
print(use_len('abc'))
del len
print(use_len('abc'))

# Deleted, stored again, and stored through globals() and exec with other dicts.
del counter
try:
    bump(0)
except NameError as error:
    print('NameError', error)
counter = 10
print(bump(1), counter)
globals()['counter'] = 20
print(bump(1), counter)
namespace = {'counter': 100}
exec('counter = counter + 1', namespace)
print(namespace['counter'], counter)
for value in range(3):
    counter = value
    print(bump(value), counter)
