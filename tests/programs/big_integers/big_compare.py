# Comparisons between big ints, small ints and floats, and equality across types.
big = 2**80
values = [-big, -(2**31), -1.5, 0, 1, 2.0**70, big, 3 * big, 1e30, float('inf')]
for a in values:
    print([a < b for b in values])
print(big == 2.0**80, 3 * big == 3 * 2.0**80, big < 2.0**81, 2**53 == 2.0**53)
print(10**400 > 1e308, -(10**400) < -1e308, 10**20 < float('inf'), -(10**20) > float('-inf'))
print(max(2**70, 3, -(2**90)), min([2**70, 3.5, -(2**90)]), sorted([2**65, -3, 2**64, 7.5]))
print(big != big + 0, big is not None, (big > 0) == True)
print(2**64 == 2**64, 2**64 == -(2**64), 2**64 == 2**64 + 0.0)
