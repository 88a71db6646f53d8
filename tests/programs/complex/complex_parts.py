# The real and imag attributes, abs and building complex values from parts.
z = complex(3, -4)
print(z.real, z.imag, abs(z), type(z.real).__name__, type(z).__name__)
print((2j).real, (2j).imag, (5 + 0j).imag, complex(2, 3).imag)
parts = [(0, 0), (1, 1), (-1.5, 2), (2, -0.5), (1e10, -1e-10)]
for real, imag in parts:
    value = complex(real, imag)
    print(value, value.real, value.imag, value == real + imag * 1j)
print(complex(1 + 2j, 3), complex(1, 2j), complex(1j, 1j))
print(sum([1j, 2, 3.5, -1j]), abs(complex(3e10, 4e10)))
