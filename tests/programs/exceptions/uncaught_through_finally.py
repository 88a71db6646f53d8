# An uncaught exception runs every enclosing finally block on its way out, then ends the program.
def inner():
    try:
        print('inner body')
        raise OverflowError('too large')
    finally:
        print('inner finally')
def outer():
    try:
        inner()
    except ValueError:
        print('wrong handler, not run')
    finally:
        print('outer finally')
try:
    outer()
finally:
    print('module finally')
print('not reached')
