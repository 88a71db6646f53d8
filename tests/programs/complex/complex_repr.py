# repr and str of complex numbers: signs, zero parts, floats with exponents, inf and nan parts.
values = [1j, -1j, 0j, 1 + 0j, -1 + 0j, 1.5 - 2.5j, 1e20 + 1e-20j, complex(0, -0.0), complex(-0.0, 0),
          complex(float('inf'), 1), complex(1, float('nan')), complex(2, -float('inf')), 0.1 + 0.2j, 123456789j]
for value in values:
    print(repr(value), str(value))
print([1j, 2 + 3j], (1 - 1j,), complex(), complex(5), complex(1.5, 2))
print(complex('1+2j'), complex('3j'), complex('-4.5'), complex('  2-3j  '), complex('1e2j'))
