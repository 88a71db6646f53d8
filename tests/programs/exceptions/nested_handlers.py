# Nested try blocks in every position: inside try, except, else and finally blocks.
def trace(label):
    print(label)
try:
    trace('outer try')
    try:
        raise ValueError('v')
    except ValueError:
        trace('inner except')
        try:
            raise KeyError('k')
        except KeyError:
            trace('except inside except')
    else:
        trace('not reached')
    finally:
        trace('inner finally')
        try:
            raise IndexError('i')
        except IndexError:
            trace('except inside finally')
except Exception:
    trace('not reached either')
else:
    trace('outer else')
    try:
        raise TypeError('t')
    except TypeError:
        trace('except inside else')
finally:
    trace('outer finally')
def exception_in_handler():
    try:
        raise ValueError('first')
    except ValueError:
        raise KeyError('second')
try:
    exception_in_handler()
except KeyError as error:
    print('handler raised', error)
def exception_in_finally():
    try:
        raise ValueError('hidden')
    finally:
        raise IndexError('from finally')
try:
    exception_in_finally()
except IndexError as error:
    print('finally raised', error)
