# Small-int arithmetic at the 31/32/63/64-bit edges, overflowing into big ints and back.
edges = [2**30 - 1, 2**30, 2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**62 - 1, 2**62, 2**63 - 1, 2**63, 2**64 - 1, 2**64]
for value in edges:
    print(value, value + 1, value - 1, -value, -value - 1)
for value in edges:
    print(value * 2, value * value, (value * value) // value == value)
print(2**63 - 2**63, 2**64 - 2**64 + 7, (2**64 + 5) - 2**64)
print((2**31) * (2**31) // (2**31), (2**62) * 4 // 8)
total = 0
for step in range(70):
    total = total * 2 + 1
print(total, total.bit_length() if hasattr(total, 'bit_length') else 70)
while total > 1:
    total //= 2
print(total, type(total).__name__)
a = 0x7fffffff
b = 0x3fffffff
print(a + a, b + b + 2, a * 3, -a - a - 2)
print(-(2**31), -(2**63), -(-(2**63)), abs(-(2**63)), abs(-2**31))
print(4611686018427387903 + 1, 9223372036854775807 + 1, -9223372036854775808 - 1)
