# A negative base raised to a fractional float power gives a complex result on MicroPython.
def attempt(label, action):
    try:
        print(label, action())
    except Exception as error:
        print(label, type(error).__name__, error)

attempt('sqrt', lambda: (-8) ** 0.5)
attempt('cube', lambda: (-8.0) ** (1 / 3))
attempt('inverse', lambda: (-1) ** -0.5)
attempt('integral', lambda: ((-2.0) ** 2.0, (-2) ** 3.0, (-1.5) ** -2))
attempt('nan', lambda: (-2) ** float('nan'))
attempt('inf', lambda: ((-2.0) ** float('inf'), (-0.5) ** float('inf')))
attempt('zero', lambda: 0.0 ** -1)
attempt('zeroint', lambda: 0 ** -1.5)
attempt('zeroinf', lambda: 0.0 ** float('-inf'))
attempt('complexexp', lambda: (-4) ** (0.5 + 0j))
attempt('type', lambda: type((-4.0) ** 0.25).__name__)
