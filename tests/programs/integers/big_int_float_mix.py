# Huge ints meeting floats: MicroPython rounds the int to a double first, so they become inf.
big = 10 ** 400

def attempt(label, action):
    try:
        print(label, action())
    except Exception as error:
        print(label, type(error).__name__, error)

attempt('float', lambda: float(big))
attempt('negfloat', lambda: float(-big))
attempt('div', lambda: big / 10 ** 399)
attempt('div3', lambda: big / 3)
attempt('small', lambda: 1 / big)
attempt('ratio', lambda: (2 ** 54 + 3) / 3)
attempt('add', lambda: big + 1.5)
attempt('mul', lambda: big * 0.5)
attempt('mod', lambda: big % 2.5)
attempt('cmp', lambda: (big > 1e308, big < float('inf'), big == float('inf'), -big < -1e308))
attempt('cmp2', lambda: (2 ** 60 == 2.0 ** 60, 2 ** 60 < 1.5 * 2.0 ** 60, 10 ** 20 > 1e19))
attempt('exact', lambda: (float(2 ** 54 + 3), 2 ** 64 / 2 ** 32, (2 ** 100) / (2 ** 99)))
attempt('zero', lambda: big / 0)
attempt('floordiv', lambda: (big // 10 ** 398, big % 7, divmod(-big, 10 ** 399)))
