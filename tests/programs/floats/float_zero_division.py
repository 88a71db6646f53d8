# Division by zero with floats and ints raises ZeroDivisionError for /, // and %.
def attempt(label, action):
    try:
        print(label, action())
    except ZeroDivisionError as error:
        print(label, 'ZeroDivisionError', error)

attempt('1.0/0', lambda: 1.0 / 0)
attempt('1/0.0', lambda: 1 / 0.0)
attempt('0.0/0.0', lambda: 0.0 / 0.0)
attempt('1.0//0', lambda: 1.0 // 0)
attempt('1.0%0.0', lambda: 1.0 % 0.0)
attempt('divmod', lambda: divmod(1.5, 0.0))
attempt('-0.0**-1', lambda: (-0.0) ** -1)
attempt('0.0**-2', lambda: 0.0 ** -2)
attempt('inf/inf', lambda: float('inf') / float('inf'))
attempt('1/inf', lambda: 1 / float('inf'))
attempt('-1/inf', lambda: -1 / float('inf'))
