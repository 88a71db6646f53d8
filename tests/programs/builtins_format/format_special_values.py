# formatting of inf, nan, negative zero, bools and None through several specs
for value in [float('inf'), float('-inf'), float('nan'), -0.0]:
    print('{} {:f} {:e} {:g} {:>8}'.format(value, value, value, value, value))
print('{} {:d} {:>6}'.format(True, False, str(None)))
print('%s %d %f' % (True, True, True))
