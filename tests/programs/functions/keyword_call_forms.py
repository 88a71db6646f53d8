# Call forms mixing keywords with unpacking: keywords after **, positional after *, nested calls.
def report(a, b=0, *rest, c=None, **extra):
    return a, b, rest, c, sorted(extra.items())
values = [1, 2, 3]
named = {'c': 'see', 'd': 4}
print(report(**named, a=0))
print(report(*values, c=5))
print(report(0, *values[1:], 9, **{'z': 1}))
print(report(*values, **named, e=5))
print(report(a=report(1)[0], b=2))
print(report(*[], **{}, a='only'))
args = (10,)
kwargs = {'b': 20}
print(report(*args, **kwargs), report(*args, b=30))
print(dict(a=1, **{'b': 2}) == {'a': 1, 'b': 2})
