# format specs for strings: width, alignment, fill characters and precision truncation
word = 'text'
for spec in ['', '10', '<10', '>10', '^10', '*^10', '-<8', '.2', '>8.3', '^9.1', '2']:
    print(repr(spec), '[' + ('{:' + spec + '}').format(word) + ']')
print('[{:^5}] [{:^4}]'.format('ab', 'a'))
print('[{:>3}]'.format('x'), '[{:3}]'.format(''))
