# Caught errors from integer operations, with their messages.
def attempt(label, action):
    try:
        print(label, action())
    except Exception as error:
        print(label, type(error).__name__, error)

attempt('div', lambda: 1 // 0)
attempt('mod', lambda: 5 % 0)
attempt('truediv', lambda: 5 / 0)
attempt('divmod', lambda: divmod(7, 0))
attempt('bigdiv', lambda: (2**80) // 0)
attempt('bigmod', lambda: (2**80) % 0)
attempt('parse', lambda: int('abc'))
attempt('parse16', lambda: int('xyz', 16))
attempt('add str', lambda: 1 + 'a')
attempt('radd', lambda: 'a' + 1)
attempt('neg shift', lambda: 1 << -5)
attempt('int of list', lambda: int([1]))
attempt('int base nonstr', lambda: int(12, 10))
attempt('ok', lambda: 7 // 2)
