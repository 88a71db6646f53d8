# cmath functions on complex numbers: phase, polar, rect, sqrt, exp, log, sin and cos (rounded)
import cmath
def tidy(value):
    value = complex(value)
    return complex(round(value.real, 10) + 0.0, round(value.imag, 10) + 0.0)
print(round(cmath.phase(1j), 10), cmath.phase(-1) == cmath.pi, cmath.phase(1))
print([round(part, 10) for part in cmath.polar(1j)], [round(part, 10) for part in cmath.polar(3 + 4j)])
print(tidy(cmath.rect(2, 0)), tidy(cmath.rect(1, cmath.pi / 2)))
print(tidy(cmath.sqrt(-4)), tidy(cmath.sqrt(3 + 4j)))
print(tidy(cmath.exp(1j * cmath.pi)), tidy(cmath.exp(1)))
print(tidy(cmath.log(1)), tidy(cmath.log(-1)), tidy(cmath.log10(100)))
print(tidy(cmath.sin(0)), tidy(cmath.cos(0)), tidy(cmath.sin(1j)))
print(cmath.pi == 3.141592653589793, cmath.e == 2.718281828459045)
