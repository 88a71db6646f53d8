# missing dict keys, missing set elements and their KeyError arguments
table = {'present': 1}
for key in ['absent', 42, (1, 2), None]:
    try:
        table[key]
    except KeyError as error:
        print('KeyError', repr(error.args[0]), len(error.args))
try:
    {1, 2}.remove(3)
except KeyError as error:
    print('KeyError', error.args)
try:
    del table['nothing']
except KeyError as error:
    print('KeyError', error)
