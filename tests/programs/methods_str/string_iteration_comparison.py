# str min/max, sorted characters, multiplication edge cases and in-place concatenation
word = 'python'
print(min(word), max(word), sorted(word), ''.join(sorted(word)))
print('ab' * 0, 'ab' * -1, repr('' * 5))
accumulated = ''
for piece in ['a', 'b', 'c']:
    accumulated += piece * 2
print(accumulated)
print(len('\u00e9' * 4), ('\u00e9' * 4).count('\u00e9'))
print(str(123)[1:], str(-45)[:1])
