# str.split and rsplit with default whitespace, explicit separators and maxsplit
text = '  alpha  beta\tgamma\n delta  '
print(text.split())
print(text.split(None, 1), text.split(None, 2))
print('a,b,,c,'.split(','), 'a,b,,c,'.split(',', 2), 'a,b,,c,'.rsplit(',', 2))
print(''.split(), ''.split(','), '   '.split())
print('a--b--c'.split('--'), 'a--b--c'.rsplit('--', 1))
print('one two three'.split(' ', 1), 'one two three'.rsplit(' ', 1))
print('x'.split('x'), 'xx'.split('x'))
try:
    'abc'.split('')
except ValueError as error:
    print('ValueError', error)
