# Errors from complex operations: ordering comparisons, division by zero, int() and bad strings.
def attempt(label, action):
    try:
        print(label, action())
    except Exception as error:
        print(label, type(error).__name__, error)

attempt('lt', lambda: 1j < 2j)
attempt('ge', lambda: 1j >= 0)
attempt('div', lambda: (1 + 1j) / 0)
attempt('divc', lambda: 1 / 0j)
attempt('floordiv', lambda: (1 + 1j) // 2)
attempt('mod', lambda: (1 + 1j) % 2)
attempt('int', lambda: int(1j))
attempt('float', lambda: float(1 + 0j))
attempt('parse', lambda: complex('1+2'))
attempt('parse2', lambda: complex('j+1x'))
attempt('eq', lambda: 1j == 'j')
attempt('ok', lambda: (1 + 1j) / 1j)
