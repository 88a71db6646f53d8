# re.sub with templates and callables, and pattern.split, as the reference does them.
import re

print(re.sub('a+', 'X', 'caaatbat'), re.sub('(a)(b)', r'\2\1', 'abab', 1))
print(re.sub('a', lambda m: m.group(0).upper(), 'banana'))
print(re.sub('(\\d+)', lambda m: str(int(m.group(1)) * 2), 'a1b22c333'))
print(re.sub('(b)', r'[\g<1>\\]', 'abc'), re.sub('b', r'\n', 'abc'))
print(re.sub('x*', '-', 'abc'), re.sub('a', 'b', 'aaaa', 2), re.sub('z', 'y', 'abc'))
print(re.sub(b'a', b'x', b'banana'), re.sub('(a)|(z)', r'<\2>', 'cat'))
print(re.compile('a(b+)(c)?').sub('-', 'abcab'))
print(re.compile(',').split('a,b,,c'), re.compile(',').split('a,b,c', 1))
print(re.compile('\\d+').split('a12b3c'), re.compile('x*').split('abc'))
print(re.compile(b'-').split(b'1-2-3'), re.compile('\\s+').split('  a b  '))
print(re.sub('\\s', '_', 'a b\tc'))
try:
    re.compile('(,)').split('a,b')
except NotImplementedError as error:
    print('NotImplementedError', error)
try:
    re.sub('(a)', r'\3', 'a')
except IndexError as error:
    print('IndexError', error)
try:
    re.sub('a', lambda m: 5, 'a')
except TypeError as error:
    print('TypeError', error)
