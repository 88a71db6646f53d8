# re.match anchors at the start while re.search scans; group() on matches
import re
print(re.match('ab+', 'abbbc').group(0), re.match('b', 'abc'), re.search('b+', 'abbbc').group(0))
found = re.search(r'(\d+)-(\d+)', 'range 10-20 here')
print(found.group(0), found.group(1), found.group(2))
print(re.match(r'\w+', 'word rest').group(0), re.search(r'\s', 'no_space'))
print(re.match('a|b', 'bcd').group(0), re.match('[a-c]*', 'abcabcd').group(0))
print(re.search('^end', 'the end'), re.search('end$', 'the end').group(0))
print(re.match('(a)(b)?', 'ac').group(2))
