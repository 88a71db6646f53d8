# re.match / re.search and compiled patterns, on str and bytes subjects.
import re

pattern = re.compile('a(b+)(c)?')
m = pattern.search('xxabbbd')
print(m, m.group(0), m.group(1), m.group(2))
print(re.match('a', 'ba'), re.search('a', 'ba').group(0))
print(re.match(b'a(.)', b'abc').group(1), re.search(b'\\d+', b'ab123c').group(0))
print(re.search('(a)|(b)', 'b').group(1), re.search('(a)|(b)', 'b').group(2))
print(pattern.match('zabc', 1).group(0), pattern.search('zzabc', 3), pattern.match('abbbc', 0, 3).group(0))
print(re.match('[a-c]+', 'abcd').group(0), re.match('[^a-c]+', 'xyzab').group(0))
print(re.match('\\w+\\s\\w+', 'hello world!').group(0), re.match('\\D\\S*', 'a1 b').group(0))
print(re.match('a.c', 'a\nc').group(0) == 'a\nc', re.search('^b', 'ab'), re.search('a$', 'ba\n'))
print(re.match('a*?b', 'aaab').group(0), re.match('(a+?)(a*)', 'aaa').group(2))
print(re.match('(?:ab)+', 'ababx').group(0), re.match('colou?r', 'color').group(0))
print(re.match('a{2}', 'a{2}').group(0), re.search('x', 'abc'))
print(re.match(pattern, 'abc').group(1), re.match('a', 'a', 0).group(0))
for index in [5, -1, 'x']:
    try:
        print(m.group(index))
    except Exception as error:
        print(type(error).__name__, error)
for bad in ['(a', 'a)', '*a', '[a', 'a\\']:
    try:
        re.compile(bad)
    except ValueError as error:
        print('ValueError', error)
for arguments in [(5, 'a'), ('a', 5)]:
    try:
        re.match(*arguments)
    except TypeError as error:
        print('TypeError', error)
found = re.compile('b').search('abcb', 2, 10)
print(found.group(0), re.compile('a').match('ba', -5), re.compile('^a').search('ba', 1))
print(re.search('', 'abc'), re.match('[\\d]+', '12a').group(0), re.match('[a-]+', 'a-a').group(0))
