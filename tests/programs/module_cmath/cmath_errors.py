# Errors from cmath: wrong argument types, counts, and the logarithm of zero.
import cmath

def attempt(label, action):
    try:
        print(label, action())
    except Exception as error:
        print(label, type(error).__name__, error)

attempt('sqrtstr', lambda: cmath.sqrt('1'))
attempt('phaselist', lambda: cmath.phase([]))
attempt('rectc', lambda: cmath.rect(1j, 1))
attempt('rectarg', lambda: cmath.rect(1))
attempt('log0', lambda: cmath.log(0))
attempt('sqrt0', lambda: cmath.sqrt(0))
attempt('expbig', lambda: cmath.exp(1000))
attempt('polarnone', lambda: cmath.polar(None))
attempt('cosinf', lambda: cmath.cos(complex(float('inf'), 0)))
