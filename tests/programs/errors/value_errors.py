# expect: micropython 1.29
# ValueError messages from conversions, unpacking and method arguments
attempts = [
    lambda: int('12x'),
    lambda: int('5', 1),
    lambda: float('1.2.3'),
    lambda: [1, 2].index(3),
    lambda: 'abc'.index('d'),
    lambda: chr(-1),
    lambda: range(0, 5, 0),
    lambda: bytes.fromhex('zz'),
    lambda: max([]),
]
for attempt in attempts:
    try:
        attempt()
    except ValueError as error:
        print('ValueError', error)
try:
    first, second = [1, 2, 3]
except ValueError as error:
    print('ValueError', error)
try:
    first, second, third = 'ab'
except ValueError as error:
    print('ValueError', error)
