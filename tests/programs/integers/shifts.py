# Left and right shifts on small and negative ints, crossing into big ints.
for value in (1, -1, 5, -5, 0x7fffffff, -0x7fffffff):
    print(value, [value << count for count in (0, 1, 29, 30, 31, 32, 33, 62, 63, 64)])
for value in (1, -1, 1000, -1000, -2**31, 2**31):
    print(value, [value >> count for count in (0, 1, 3, 10, 31, 32, 100)])
print((1 << 100) >> 98, (-1 << 100) >> 99, (1 << 64) >> 64)
print(0 << 1000, 0 >> 5)
try:
    1 << -1
except ValueError as error:
    print('ValueError', error)
try:
    8 >> -2
except ValueError as error:
    print('ValueError', error)
x = 3
x <<= 40
print(x)
x >>= 39
print(x)
