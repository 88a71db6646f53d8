# expect: cpython
# Match objects' groups/span/start/end, fullmatch and module-level split: offered as CPython.
import re

m = re.search('(\\d+)-(\\d+)?x?', 'tel 12-34x')
print(m.groups(), m.span(), m.span(1), m.start(2), m.end(2), m.start(), m.end())
m = re.match('(a)|(b)', 'b')
print(m.groups(), m.span(1), m.span(2), m.start(1))
print(re.match('abc', 'abc').groups())
print(re.search('é(.)', 'aéxé').span(), re.search(b'b', b'abc').span())
print(m.group(0, 2), re.match('(a)(b)', 'ab').group(2, 1, 0))
print(re.fullmatch('a|ab', 'ab').group(0), re.fullmatch('a+', 'aab'), re.fullmatch('a+', 'aaa').span())
p = re.compile('(\\w+)@(\\w+)')
print(p.fullmatch('me@host').groups(), p.fullmatch('me@host!'), p.fullmatch('xme@host', 1).group(1))
print(re.split(',', 'a,b,,c'), re.split(',', 'a,b,c', 1), re.split('\\d', 'a1b2c'))
print([m.group(1) for m in [re.match('(\\w)', word) for word in ['ab', 'cd']]])
