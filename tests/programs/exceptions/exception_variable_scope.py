# The "as" name is cleared after the except block; exceptions are ordinary objects.
try:
    raise ValueError('temporary')
except ValueError as error:
    kept = error
try:
    print(error)
except NameError:
    print('error name was cleared')
print('kept', kept, type(kept).__name__)
def in_function():
    error = 'before'
    try:
        raise KeyError('k')
    except KeyError as error:
        pass
    try:
        return error
    except NameError:
        return 'local cleared too'
print(in_function())
errors = [ValueError('a'), TypeError('b')]
for item in errors:
    try:
        raise item
    except (ValueError, TypeError) as caught:
        print(caught is item, caught.args)
instance = KeyError('x', 'y')
print(instance.args, len(instance.args), isinstance(instance, LookupError))
