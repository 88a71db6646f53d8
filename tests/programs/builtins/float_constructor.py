# float() from ints, strings with spaces, exponents, inf/nan spellings, and __float__
for text in ['1.5', '  -2.25  ', '1e3', '-1E-2', 'inf', '-Infinity', '+inf', '10', '.5', '5.']:
    print(repr(text), float(text))
print(float(), float(7), float(-0.0), float(True))
print(float('nan') != float('nan'))
print(float(2**60))
class Celsius:
    def __float__(self):
        return 36.6
print(float(Celsius()))
try:
    float('abc')
except ValueError as error:
    print('ValueError', error)
