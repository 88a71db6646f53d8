# expect: cpython
# pow with exponent -1 and a modulus computes the modular inverse, as in CPython 3.8+.
print(pow(3, -1, 7), pow(2, -1, 9), pow(10, -1, 17))
print(pow(3, -2, 7), pow(-3, -1, 7))
for value in range(1, 11):
    print(value, pow(value, -1, 11), value * pow(value, -1, 11) % 11)
try:
    pow(2, -1, 4)
except ValueError:
    print('ValueError')
