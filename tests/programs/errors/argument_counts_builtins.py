# wrong argument counts for built-in functions and methods
calls = [
    lambda: len(),
    lambda: len([], []),
    lambda: abs(1, 2),
    lambda: 'abc'.upper(1),
    lambda: [].append(),
    lambda: [].append(1, 2),
    lambda: {}.get(),
    lambda: isinstance(1),
    lambda: divmod(1),
    lambda: chr(),
]
for call in calls:
    try:
        call()
    except TypeError as error:
        print('TypeError', error)
