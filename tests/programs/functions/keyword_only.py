# Keyword-only parameters after * or *args, with and without defaults.
def connect(host, *, port=80, secure):
    return host, port, secure
print(connect('a', secure=True))
print(connect('b', port=443, secure=False))
try:
    connect('c', 8080, True)
except TypeError as error:
    print('positional rejected', type(error).__name__)
try:
    connect('d')
except TypeError as error:
    print('missing keyword-only', type(error).__name__, error)
def log(*messages, level='info', sep=' '):
    return level + ': ' + sep.join(messages)
print(log('a', 'b'))
print(log('x', 'y', level='warn', sep='-'))
def both(a, b=1, *args, c, d=4, **kwargs):
    return a, b, args, c, d, sorted(kwargs)
print(both(0, c=3))
print(both(0, 9, 8, 7, c=3, d=5, e=6))
