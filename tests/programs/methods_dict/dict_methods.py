# every dict method, with its errors
data = {"a": 1, "b": 2}
print(data.get("a"), data.get("z"), data.get("z", 0), data.setdefault("c", 3), len(data))
print(data.setdefault("a", 9), sorted(data.keys()), sorted(data.values()), sorted(data.items()))
data.update({"d": 4}, e=5)
data.update([("f", 6)])
print(sorted(data.items()))
print(data.pop("a"), data.pop("z", "default"), len(data))
copy = data.copy()
key, value = copy.popitem()
print(len(copy), key in data, value == data[key])
print(sorted(dict.fromkeys("xy").items()), sorted(dict.fromkeys([1, 2], 0).items()))
data.clear()
print(data, copy == data)
for call in (lambda: {}.pop("k"), lambda: {}.popitem(), lambda: {}["missing"]):
    try:
        call()
    except KeyError as error:
        print("KeyError", repr(error))
