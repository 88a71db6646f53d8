# A light pass over common str methods: split, join, strip, replace, find, startswith, case changes.
text = '  Hello, World!  '
print(repr(text.strip()), repr(text.lstrip()), repr(text.rstrip()), repr('xxhixx'.strip('x')))
print('a,b,,c'.split(','), 'a b  c'.split(), 'a b c'.split(' ', 1), ''.split(), ''.split(','))
print('-'.join(['x', 'y', 'z']), ''.join('abc'), ', '.join(str(number) for number in range(3)))
print('banana'.replace('a', 'o'), 'banana'.replace('an', '', 1), 'aaa'.replace('a', 'aa'), 'abc'.replace('', '-'))
print('banana'.find('an'), 'banana'.find('an', 2), 'banana'.find('x'), 'banana'.rfind('an'), 'banana'.count('a'))
print('hello'.startswith('he'), 'hello'.startswith('lo', 3), 'hello'.endswith('lo'), 'hello'.startswith(('x', 'h')))
print('MiXeD 123'.upper(), 'MiXeD 123'.lower(), 'abc'.isalpha(), '123'.isdigit(), '  '.isspace(), 'Ab'.isupper())
print('a-b-c'.rsplit('-', 1), 'line1\nline2\n'.split('\n'), 'a\tb\nc d'.split())
print('x'.join([]), 'hello world'.title() if hasattr('', 'title') else 'Hello World', 'abc'.index('c'))
try:
    'abc'.index('z')
except ValueError as error:
    print('ValueError', error)
try:
    'a'.split('')
except ValueError as error:
    print('ValueError', error)
