# set comparisons, membership, comprehensions and hashing rules
a = {1, 2}
print(a == {2, 1}, a < {1, 2, 3}, a <= a, a > {1}, a != {1}, 2 in a, 5 not in a)
print(frozenset([1, 2]) == {1, 2}, len({x % 3 for x in range(10)}))
print(sorted({"b", "a"}), sorted(set("hello")))
try:
    {[1]}
except TypeError as error:
    print("TypeError", error)
s = {frozenset([1]), frozenset([1])}
print(len(s))
