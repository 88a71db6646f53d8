# compiled patterns: character classes, repetition, alternation, anchors and groups
import re
number = re.compile(r'-?\d+(\.\d+)?')
for text in ['42', '-3.14', 'x1', '7.']:
    matched = number.match(text)
    print(repr(text), matched.group(0) if matched else None)
word = re.compile('[A-Za-z_][A-Za-z0-9_]*')
print(word.match('_name1 = 3').group(0), word.search('  = value').group(0))
print(re.compile('a+').match('aaaa').group(0), re.compile('colou?r').search('my color').group(0))
print(re.compile('x*?y').match('xxy').group(0), re.compile('(ab)+').match('ababc').group(0))
