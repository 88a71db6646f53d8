# if/elif/else chains, nested ifs, truthiness of different values as conditions.
def classify(value):
    if value < 0:
        return 'negative'
    elif value == 0:
        return 'zero'
    elif value < 10:
        return 'small'
    else:
        return 'large'
for v in (-5, 0, 3, 99):
    print(v, classify(v))
for candidate in (0, 1, '', 'x', [], [0], {}, {'k': 0}, None, 0.0, (), (0,)):
    if candidate:
        print(repr(candidate), 'truthy')
    else:
        print(repr(candidate), 'falsy')
x = 7
if x > 5:
    if x % 2:
        print('big odd')
    else:
        print('big even')
if not x:
    print('never')
elif x:
    print('elif taken')
if x == 1: print('one')
else: print('not one')
