# Every cmath function and constant on complex, float and int arguments.
import cmath
print(cmath.pi, cmath.e)
for z in (1j, -1, 2 + 3j, 0.5 - 0.25j, 4):
    print(z, cmath.sqrt(z), cmath.exp(z), cmath.log(z), cmath.log10(z))
    print(cmath.sin(z), cmath.cos(z), cmath.phase(z), cmath.polar(z))
print(cmath.rect(2, 0), cmath.rect(1, cmath.pi / 2), cmath.rect(1.5, -1))
print(cmath.phase(-1), cmath.phase(-1 - 0j), cmath.phase(complex(-1, -0.0)), cmath.phase(0))
print(cmath.sqrt(-4), cmath.log(-1), cmath.exp(cmath.pi * 1j), cmath.log10(100))
print(type(cmath.phase(1j)).__name__, type(cmath.polar(1)).__name__, type(cmath.sqrt(4)).__name__)
