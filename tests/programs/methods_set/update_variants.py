# in-place set updates: update, intersection_update, difference_update, symmetric_difference_update
items = {1, 2, 3}
items.update([4], {5})
print(sorted(items))
items.intersection_update({1, 2, 3, 9})
print(sorted(items))
items.difference_update([1])
print(sorted(items))
items.symmetric_difference_update({3, 4})
print(sorted(items))
items |= {10}
items &= {2, 4, 10}
items -= {4}
items ^= {2, 20}
print(sorted(items))
