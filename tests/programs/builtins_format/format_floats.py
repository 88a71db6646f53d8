# format specs for floats: fixed, exponent, general, percent, precision and signs
value = 1234.56789
for spec in ['f', '.0f', '.2f', '10.3f', '<10.1f', 'e', '.3e', 'E', 'g', '.3g', 'G', '.2%', '+.1f', '08.2f', '^12.2f']:
    print(spec, '[' + ('{:' + spec + '}').format(value) + ']')
for small in [0.0001234, 1e-10, 123456789.0, 0.5]:
    print('{:g} {:.2e} {:f}'.format(small, small, small))
print('{:.1f} {:.1f} {:.0f} {:.0f}'.format(0.25, 0.35, 0.5, 1.5))
