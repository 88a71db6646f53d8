# str.count and str.replace including empty patterns, limits and overlapping text
text = 'banana'
print(text.count('a'), text.count('an'), text.count('ana'), text.count(''), text.count('x'))
print(text.count('a', 2), text.count('a', 2, 4))
print(text.replace('a', 'o'), text.replace('a', 'o', 2), text.replace('na', ''))
print(text.replace('', '-'), 'aaa'.replace('aa', 'b'), text.replace('x', 'y'))
print('hello world'.replace('world', 'there'), 'a.b.c'.replace('.', '', 1))
print(''.replace('', 'x'), 'abc'.replace('abc', ''))
