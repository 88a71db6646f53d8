# Native loops over long iterables hold a constant number of roots and no copy of the items.
print(all(x >= 0 for x in range(2_000_000)))
print(sum(range(3_000_000)))
print(len(bytes(x & 255 for x in range(200_000))))
