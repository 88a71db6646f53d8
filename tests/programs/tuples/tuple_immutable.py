# Tuples cannot be changed in place, but mutable objects inside them can.
frozen = (1, [2, 3], 'x')
try:
    frozen[0] = 9
except TypeError as error:
    print('TypeError', error)
try:
    del frozen[0]
except TypeError as error:
    print('TypeError', error)
try:
    frozen.append(4)
except AttributeError as error:
    print('AttributeError', error)
frozen[1].append(4)
print(frozen)
before = frozen
frozen += (5,)
print(frozen, before, frozen is before)
try:
    print(frozen[10])
except IndexError as error:
    print('IndexError', error)
