# Failed conversions between types, with their messages.
def attempt(label, action):
    try:
        print(label, action())
    except Exception as error:
        print(label, type(error).__name__, error)

attempt('int None', lambda: int(None))
attempt('int list', lambda: int([]))
attempt('float None', lambda: float(None))
attempt('float str', lambda: float('x1'))
attempt('int str base', lambda: int('12', 3) + int('z', 35))
attempt('complex str', lambda: complex('abc'))
attempt('tuple int', lambda: tuple(3))
attempt('set int', lambda: set(1))
attempt('dict int', lambda: dict(1))
attempt('bytes float', lambda: bytes(1.5))
attempt('str bytes', lambda: str(b'x', 'utf-8') + str(1))
attempt('chr str', lambda: chr('a'))
attempt('ord int', lambda: ord(65))
attempt('len float', lambda: len(1.5))
