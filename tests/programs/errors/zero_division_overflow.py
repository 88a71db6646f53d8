# ZeroDivisionError texts for every division operator and type, and negative shift counts
attempts = [
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: divmod(1, 0),
    lambda: 1.0 // 0,
    lambda: 1.0 % 0.0,
    lambda: 2**70 // 0,
    lambda: 0.0 ** -1,
    lambda: pow(2, 3, 0),
    lambda: 1 << -1,
]
for attempt in attempts:
    try:
        attempt()
    except (ZeroDivisionError, ValueError) as error:
        print(type(error).__name__, error)
