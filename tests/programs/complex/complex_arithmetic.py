# Complex addition, subtraction, multiplication, division and powers, mixed with ints and floats.
a = 3 + 4j
b = 1 - 2j
print(a + b, a - b, a * b, a / b, b / a)
print(a + 1, 1 + a, a * 2, 2.5 * a, a / 2, 1 / a, a - 0.5)
print(1j * 1j, (1 + 1j) * (1 + 1j), (1 + 1j) * (1 - 1j), 1j * 1j * 1j)
print(-a, +a, -(-a), a * complex(a.real, -a.imag), abs(a), abs(1j), abs(-2 + 0j))
z = 0j
for step in range(5):
    z = z * z + (0.25 + 0.5j)
print(z)
x = 2 + 3j
x += 1j
x *= 2
x -= 1
print(x, x == 3 + 8j, x != 3 + 8j)
print(2j, 2.5j, -1j, 1e10j, 0j, -0j, complex(1, 0) == 1, 1 == complex(1, 0))
