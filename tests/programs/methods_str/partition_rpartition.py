# partition and rpartition with present, absent and repeated separators
print('key=value=more'.partition('='))
print('key=value=more'.rpartition('='))
print('no separator'.partition('='), 'no separator'.rpartition('='))
print('=start'.partition('='), 'end='.rpartition('='))
print('a::b::c'.partition('::'), 'a::b::c'.rpartition('::'))
try:
    'abc'.partition('')
except ValueError as error:
    print('ValueError', error)
