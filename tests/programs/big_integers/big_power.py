# Big-int powers and three-argument pow with big moduli.
print(2**200, (-3)**101, 7**77)
print(10**100 == int('1' + '0' * 100), (2**100)**2 == 2**200)
modulus = 2**127 - 1
print(pow(3, 1000, modulus), pow(2**80 + 3, 2**70 + 1, modulus))
print(pow(-(2**90), 5, 10**20 + 39), pow(2**90, 3, -(10**9 + 7)))
print(pow(10**30, 0, 97), pow(0, 5, 2**65), pow(2**65, 1, 2**65))
print(pow(7, 2**64, 13), pow(7, 2**64 + 1, 2**61 - 1))
# Fermat: a**(p-1) % p == 1 for prime p.
prime = 2**61 - 1
print([pow(base, prime - 1, prime) for base in (2, 3, 10, 2**40 + 1)])
print(2**-70 > 0, (2**70) ** 0, (-(2**70)) ** 1 == -(2**70))
