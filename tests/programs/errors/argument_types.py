# built-ins given the wrong argument types report MicroPython's messages
calls = [
    lambda: len(5),
    lambda: chr('a'),
    lambda: ord(5),
    lambda: ord('ab'),
    lambda: 'a' + 1,
    lambda: 1 + 'a',
    lambda: [] + (),
    lambda: 'x' * 'y',
    lambda: -'text',
    lambda: sum(['a', 'b']),
    lambda: 1 < 'a',
    lambda: 'abc'.join([1, 2]),
]
for call in calls:
    try:
        call()
    except TypeError as error:
        print('TypeError', error)
    except ValueError as error:
        print('ValueError', error)
