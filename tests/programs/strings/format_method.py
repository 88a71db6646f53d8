# str.format basics: positional and keyword fields, alignment, fill, precision and conversions.
print('{} {} {}'.format(1, 'b', 2.5), '{0}{1}{0}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2))
print('[{:5}][{:<5}][{:>5}][{:^5}][{:*^7}][{:_<4}]'.format('ab', 'ab', 'ab', 'ab', 'ab', 'z'))
print('[{:5}][{:<5}][{:^5}][{:05}][{:+}][{: }]'.format(42, 42, 42, 42, 42, 42))
print('[{:.2f}][{:8.3f}][{:e}][{:.1e}][{:g}][{:%}][{:.1%}]'.format(3.14159, 3.14159, 1234.5, 1234.5, 0.00001, 0.25, 0.125))
print('{!r} {!s} {{literal}} }}{{'.format('q', 'q'), '{0!r:>5}'.format('z'))
print('{:x} {:X} {:o} {:b} {:#x} {:08b} {:d}'.format(255, 255, 8, 5, 255, 5, -7))
print('{:>10.3}|{:10}|'.format('abcdef', 1.5))
for bad in (lambda: '{}{}'.format(1), lambda: '{0}{}'.format(1, 2), lambda: '{:d}'.format('x'), lambda: '{'.format()):
    try:
        print(bad())
    except (IndexError, ValueError, KeyError) as error:
        print(type(error).__name__, error)
