# raise forms: instance, class, bare re-raise, re-raise after handling, raise inside except.
try:
    raise ValueError
except ValueError as error:
    print('class raised', type(error).__name__, error.args)
try:
    raise ValueError('with message', 2)
except ValueError as error:
    print('instance raised', error.args)
def reraise():
    try:
        raise KeyError('original')
    except KeyError:
        print('handling then re-raising')
        raise
try:
    reraise()
except KeyError as error:
    print('outer got', error)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('replacement')
except ValueError as error:
    print('replacement', error)
try:
    raise 42
except TypeError as error:
    print('raise non-exception', type(error).__name__, error)
def saved():
    try:
        raise IndexError('saved')
    except IndexError as error:
        captured = error
    raise captured
try:
    saved()
except IndexError as error:
    print('raised saved instance', error)
