# dict views, membership and construction (printed sorted: MicroPython's order is a hash order)
data = dict(one=1, two=2)
data["three"] = 3
print(sorted(data), sorted(data.keys()), sorted(data.values()), sorted(data.items()))
print("one" in data, "one" in data.keys(), 2 in data.values(), ("two", 2) in data.items())
print(len(data.keys()), dict([("k", "v")]), sorted(dict({"x": 1}, y=2).items()))
del data["two"]
data["two"] = 22
print(sorted(data.items()), len(data))
print({1: "a", True: "b", 1.0: "c"})
print({(1, 2): "tuple key"}[(1, 2)])
keys = data.keys()
data["four"] = 4
print(len(keys), "four" in keys)
try:
    {[]: 1}
except TypeError as error:
    print("TypeError", error)
