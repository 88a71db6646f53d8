# printf-style % formatting of strings, ints and floats with widths, flags and precision.
print('%s %s %s' % ('a', 1, 2.5), '%r %r' % ('a', 1), '%%' % (), '%s' % 'solo')
print('[%5s][%-5s][%.2s][%5.1s]' % ('abc', 'abc', 'abc', 'abc'))
print('[%d][%5d][%-5d][%05d][%+d][% d]' % (42, 42, 42, 42, 42, 42))
print('[%d][%5d][%05d][%+d]' % (-42, -42, -42, -42))
print('[%x][%X][%o][%#x][%#o][%08x]' % (255, 255, 8, 255, 8, 255))
print('[%f][%.2f][%10.3f][%-10.1f][%e][%.3e][%g][%g][%g]' % (3.14159, 3.14159, 3.14159, 3.14159, 31415.9, 0.000314159, 0.0001, 1e-5, 123456789.0))
print('%c%c' % ('x', 65), '%s' % [1, 2], '%s' % ((1, 2),), '%d' % 3.99, '%.0f' % 2.5, '%.0f' % 3.5)
print('%(name)s is %(age)d' % {'name': 'Ann', 'age': 7})
print('%*d|%-*d|' % (5, 1, 4, 2))
for bad in (lambda: '%d' % 'x', lambda: '%s %s' % ('a',), lambda: '%s' % ('a', 'b'), lambda: '%z' % 1):
    try:
        print(bad())
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
