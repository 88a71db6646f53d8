# Several except clauses, tuple of exception types, handler order and bare except.
def classify(action):
    try:
        action()
    except (KeyError, IndexError) as error:
        return 'lookup: ' + type(error).__name__
    except ZeroDivisionError:
        return 'division'
    except ArithmeticError:
        return 'other arithmetic'
    except Exception as error:
        return 'general: ' + type(error).__name__
    return 'no error'
print(classify(lambda: {}['a']))
print(classify(lambda: [][0]))
print(classify(lambda: 1 / 0))
print(classify(lambda: 1 + 'a'))
print(classify(lambda: None))
def overflow():
    raise OverflowError('big')
print(classify(overflow))
try:
    raise SystemExit(3)
except:
    print('bare except catches SystemExit too')
errors = (ValueError, TypeError)
try:
    int('nope')
except errors as error:
    print('tuple from variable', type(error).__name__)
