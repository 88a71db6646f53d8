# TypeError texts for unsupported operators, calls, subscripts and iteration
attempts = [
    lambda: None + 1,
    lambda: [] < 1,
    lambda: {} + {},
    lambda: 5(),
    lambda: None[0],
    lambda: iter(5),
    lambda: next([1]),
    lambda: hash([]),
]
for attempt in attempts:
    try:
        result = attempt()
        print('ok', type(result).__name__)
    except TypeError as error:
        print('TypeError', error)
try:
    'text'[0] = 'T'
except TypeError as error:
    print('TypeError', error)
try:
    (1, 2)[0] = 5
except TypeError as error:
    print('TypeError', error)
