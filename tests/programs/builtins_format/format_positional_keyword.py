# str.format argument selection mixing automatic, numbered and keyword fields with specs
print('{0:>5}|{1:<5}|{0:^5}'.format('a', 'b'))
print('{x:.2f} + {y:.2f} = {z:.1f}'.format(x=1.005, y=2.5, z=3.505))
print('{0} {1} {0}'.format(*['left', 'right']))
print('{a}-{b}'.format(**{'a': 1, 'b': 2}))
print('{:3}|{:>3}|{:<3}|'.format(1, 2, 3))
print('{!r:>8}|{!s:<6}|'.format('ab', 'cd'))
