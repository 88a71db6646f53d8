# format specs for integers: bases, alternate forms, signs, widths, zero padding and alignment
value = 3054
for spec in ['d', 'b', 'o', 'x', 'X', '#b', '#o', '#x', '#X', '10d', '<10d', '^10d', '>10d', '010d', '+d', ' d', '=+10d', 'c']:
    print(spec, '[' + ('{:' + spec + '}').format(value if spec != 'c' else 65) + ']')
print('[{:+08d}] [{:-8d}] [{:x<6}]'.format(-42, -42, 7))
