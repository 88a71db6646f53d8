# expect: micropython 1.29
# Ranges whose bounds, step and length are past the small-int range: their attributes, len()
# and items are full ints.
r = range(2**50)
print(r.start, r.stop, r.step, len(r))
print(r[-1], r[2**49], r[-(2**49)])
r = range(-(2**40), 2**40, 2**35)
print(r.start, r.stop, r.step, len(r), r[5], r[-1])
r = range(2**31 - 2, 2**31 + 2)
print(list(r), r.stop, len(r))
print(range(0, 2**60, 2**55), len(range(0, 2**60, 2**55)))
