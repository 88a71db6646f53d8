# Domain, range and type errors raised by math functions.
import math

def attempt(label, action):
    try:
        print(label, action())
    except Exception as error:
        print(label, type(error).__name__, error)

attempt('sqrt', lambda: math.sqrt(-1))
attempt('log0', lambda: math.log(0))
attempt('logneg', lambda: math.log(-1))
attempt('logbase1', lambda: math.log(10, 1))
attempt('logbase0', lambda: math.log(10, 0))
attempt('log2', lambda: math.log2(-2))
attempt('log10', lambda: math.log10(0))
attempt('asin', lambda: math.asin(2))
attempt('acos', lambda: math.acos(-2))
attempt('acosh', lambda: math.acosh(0.5))
attempt('atanh', lambda: math.atanh(1))
attempt('exp', lambda: math.exp(1000))
attempt('pow', lambda: math.pow(0, -1))
attempt('pow2', lambda: math.pow(-8, 1 / 3))
attempt('fmod', lambda: math.fmod(1, 0))
attempt('fmodinf', lambda: math.fmod(math.inf, 1))
attempt('gamma0', lambda: math.gamma(0))
attempt('gammaneg', lambda: math.gamma(-1))
attempt('lgamma0', lambda: math.lgamma(0))
attempt('floorinf', lambda: math.floor(math.inf))
attempt('ceilnan', lambda: math.ceil(math.nan))
attempt('trunc', lambda: math.trunc('1'))
attempt('sqrtstr', lambda: math.sqrt('4'))
attempt('fact', lambda: math.factorial(-1))
attempt('factf', lambda: math.factorial(2.5))
attempt('close', lambda: math.isclose(1, 2, rel_tol=-1))
attempt('cosinf', lambda: math.cos(math.inf))
attempt('ldexp', lambda: math.ldexp(1, 2.5))
attempt('sinnan', lambda: math.sin(math.nan))
attempt('expinf', lambda: math.exp(-math.inf))
