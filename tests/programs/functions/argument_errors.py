# TypeError messages for wrong argument counts and names, as MicroPython words them.
def two(a, b):
    return a + b
def keyword_only(*, key):
    return key
def attempt(label, function, *args, **kwargs):
    try:
        function(*args, **kwargs)
    except TypeError as error:
        print(label, '->', error)
attempt('too few', two, 1)
attempt('too many', two, 1, 2, 3)
attempt('unexpected keyword', two, 1, 2, c=3)
attempt('missing keyword', keyword_only)
attempt('positional to keyword-only', keyword_only, 1)
attempt('duplicate', two, 1, a=2)
attempt('not callable', 5)
attempt('none callable', None)
attempt('string called', 'text')
