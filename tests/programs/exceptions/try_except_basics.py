# try/except/else/finally: which blocks run with and without an exception.
def run(action):
    try:
        print('try start')
        action()
        print('try end')
    except ValueError as error:
        print('except ValueError', error)
    else:
        print('else')
    finally:
        print('finally')
def ok():
    pass
def bad():
    raise ValueError('bad value')
run(ok)
run(bad)
try:
    try:
        raise KeyError('missing')
    except ValueError:
        print('not this handler')
    finally:
        print('inner finally runs before outer handler')
except KeyError as error:
    print('outer caught', error)
try:
    x = 1
except Exception:
    pass
else:
    print('else without finally', x)
try:
    pass
finally:
    print('finally without except')
