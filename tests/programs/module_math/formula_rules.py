# The rule each family of math functions applies to its result and its arguments.
import math

def attempt(label, action):
    try:
        print(label, action())
    except Exception as error:
        print(label, type(error).__name__, error)

# Two arguments: the second is converted too, and a nan out of nan inputs is no error.
attempt('pow second', lambda: math.pow(2, 'a'))
attempt('atan2 second', lambda: math.atan2(1, None))
attempt('pow nan', lambda: math.pow(math.nan, 2))
attempt('fmod nan', lambda: math.fmod(1, math.nan))
attempt('copysign inf', lambda: math.copysign(math.inf, -1))
attempt('pow overflow', lambda: math.pow(10, 400))
attempt('pow one', lambda: math.pow(1, math.nan))
# Plain floats: an infinity out of a finite input is no error for degrees and radians.
attempt('degrees big', lambda: math.degrees(1e308))
attempt('radians inf', lambda: math.radians(-math.inf))
# Truth: ints and bools are floats first; anything else is a TypeError.
attempt('isnan int', lambda: math.isnan(10 ** 30))
attempt('isinf bool', lambda: math.isinf(True))
attempt('isfinite str', lambda: math.isfinite('x'))
# Integral: ints go through a float, so a huge int rounds.
attempt('floor big', lambda: math.floor(10 ** 20 + 1))
attempt('ceil bool', lambda: math.ceil(False))
attempt('trunc neg', lambda: math.trunc(-math.inf))
attempt('floor int result', lambda: type(math.floor(2.5)).__name__)
# Argument counts are checked before any conversion.
attempt('sqrt none', lambda: math.sqrt())
attempt('pow one arg', lambda: math.pow(2))
attempt('floor two', lambda: math.floor(1, 2))
attempt('isnan two', lambda: math.isnan(1, 2))
attempt('modf', lambda: math.modf(-0.0))
attempt('frexp str', lambda: math.frexp('1'))
