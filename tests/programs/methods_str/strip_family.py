# strip, lstrip and rstrip with default whitespace and explicit character sets
text = ' \t spaced out \n '
print(repr(text.strip()), repr(text.lstrip()), repr(text.rstrip()))
print('xxhixx'.strip('x'), 'xyhiyx'.strip('xy'), 'abcba'.lstrip('ab'), 'abcba'.rstrip('ab'))
print(repr(''.strip()), repr('   '.strip()), 'keep'.strip(''), '..a..'.strip('.'))
print('www.example.com'.strip('cmowz.'))
print(repr('\x0b\x0cform\x1c'.strip()))
