# center and justification through format widths, with odd padding and long strings
for word in ['a', 'ab', 'abc', 'abcdef']:
    print('[' + word.center(5) + ']', '[' + word.center(6) + ']')
print('[' + 'x'.center(0) + ']', '[' + 'long text'.center(3) + ']')
print('[' + '{:<6}'.format('left') + ']', '[' + '{:>6}'.format('right') + ']')
