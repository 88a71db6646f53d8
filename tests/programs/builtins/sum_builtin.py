# sum with start values, floats, big ints, generators and booleans
print(sum([]), sum([1, 2, 3]), sum([1, 2], 10), sum(range(101)))
print(sum([0.5, 0.25]), sum([1, 2.5]), sum([True, True, False]))
print(sum(x * x for x in range(5)), sum([2**64, 2**64]))
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()))
print(sum((), 7), sum({1: 'a', 2: 'b'}))
