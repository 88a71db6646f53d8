# complex() construction, parts, arithmetic and abs
number = complex(3, 4)
print(number, number.real, number.imag, abs(number))
print(complex(), complex(2), complex('1+2j'), complex(1.5, -0.5))
print(number * 1j, number + complex(1, 1))
print(complex(2, 0) == 2, 1j * 1j)
print(type(2j).__name__, (1 + 2j) - (1 + 2j))
