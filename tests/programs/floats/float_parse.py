# float() parsing of strings: signs, exponents, spaces, inf and nan spellings, and bad input.
texts = ['1', '-1', '+1.5', '1.', '.5', '-.5', '1e3', '1E-3', '1.5e+2', '  2.5  ', '0', '-0', '-0.0',
         '1e400', '-1e400', '1e-400', 'inf', '-inf', '+inf', 'INF', 'Infinity', '-infinity', 'nan',
         'NaN', '123456789012345678901234567890', '0.1', '00001.2500', '1e0', '3.141592653589793']
for text in texts:
    print(repr(text), float(text))
for text in ['', 'abc', '1.2.3', '1e', '--1', '1 2', '0x10']:
    try:
        print(float(text))
    except ValueError as error:
        print('ValueError', error)
print(float(5), float(-2**40), float(True), float(2.5))
