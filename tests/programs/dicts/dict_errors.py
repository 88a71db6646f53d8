# KeyError and other errors from dicts, with their messages.
def attempt(label, action):
    try:
        print(label, action())
    except Exception as error:
        print(label, type(error).__name__, error, error.args)

table = {'a': 1, 3: 'three', (1, 2): 'pair'}
attempt('missing str', lambda: table['b'])
attempt('missing int', lambda: table[4])
attempt('missing tuple', lambda: table[(2, 1)])
attempt('unhashable', lambda: table[[1]])

def delete_missing():
    del table['nope']
attempt('delete', delete_missing)
attempt('ok', lambda: table['a'])
