# invalid format specs and %-format mismatches raise ValueError or TypeError
attempts = [
    lambda: '{:d}'.format('text'),
    lambda: '{:s}'.format(5),
    lambda: '{:x}'.format(1.5),
    lambda: '{:q}'.format(5),
    lambda: '{'.format(1),
    lambda: '}'.format(1),
    lambda: '{0} {}'.format(1, 2),
    lambda: '{} {}'.format(1),
    lambda: '{name}'.format(),
    lambda: '%d' % 'x',
    lambda: '%d %d' % (1,),
    lambda: '%s' % (1, 2),
    lambda: '%z' % 1,
]
for attempt in attempts:
    try:
        print(attempt())
    except (ValueError, TypeError, IndexError, KeyError) as error:
        print(type(error).__name__, error)
