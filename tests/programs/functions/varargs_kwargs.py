# *args and **kwargs parameters, alone and mixed with regular and default parameters.
def collect(*args):
    return args
print(collect(), collect(1), collect(1, 'two', [3]))
def keywords(**kwargs):
    return sorted(kwargs.items())
print(keywords(), keywords(x=1, y=2))
def mixed(first, second=2, *rest, **options):
    return first, second, rest, sorted(options.items())
print(mixed(1))
print(mixed(1, 3, 5, 7))
print(mixed(1, flag=True))
print(mixed(1, 2, 3, mode='fast', level=4))
def count(*items, **named):
    return len(items), len(named)
print(count(1, 2, a=3))
def types(*args, **kwargs):
    return type(args).__name__, type(kwargs).__name__
print(types())
