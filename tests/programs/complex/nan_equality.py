# A complex with a nan part is unequal even to itself; other objects equal themselves.
nan = float("nan") * 1j
print(nan == nan, nan != nan)
same = nan
print(same == nan, [nan] == [nan])
z = 1 + 2j
print(z == z, z != z)
print(nan == 1j)
