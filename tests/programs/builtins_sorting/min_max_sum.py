# min, max (key, default), sum (start), all, any, reversed, enumerate, zip
values = [4, -7, 2, 9, -1]
print(min(values), max(values), min(3, 1, 2), max("abc", "abd"))
print(min(values, key=abs), max(values, key=abs))
print(min([], default="empty"), max([], default=None))
print(max(["aa", "b", "cc"], key=len))
try:
    min([])
except ValueError as error:
    print("ValueError", error)
print(sum(values), sum(values, 100), sum([0.5, 0.25]), sum([[1], [2]], []))
print(all([]), all([1, 0]), any([]), any([0, "", 3]))
print(list(reversed(values)), list(reversed("abc")), list(reversed(range(3))))
print(list(enumerate("ab")), list(enumerate("ab", 10)))
print(list(zip("ab", [1, 2, 3])), list(zip()))
print(list(map(lambda a, b: a * b, [1, 2], [3, 4])), list(filter(None, [0, 1, "", "x"])))
