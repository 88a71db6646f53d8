# Dicts growing past the sizes where their index changes width (128 and 32768 entries), with
# deletions and reinsertions on the way: every key stays findable.


def check(d, keys):
    missing = [k for k in keys if d.get(k) != k * 3]
    print(len(d), len(missing), min(d), max(d), sum(d.values()))


d = {}
keys = []
for size in (100, 127, 128, 129, 300, 32767, 32768, 32769, 40000):
    while len(keys) < size:
        k = len(keys) * 7 - 5000
        keys.append(k)
        d[k] = k * 3
    check(d, keys)

# Delete every third key, then put half of them back: the index fills with deleted slots.
removed = keys[::3]
for k in removed:
    del d[k]
print(len(d), all(k not in d for k in removed))
for k in removed[::2]:
    d[k] = k * 3
gone = set(removed[1::2])
check(d, [k for k in keys if k not in gone])

# String keys and instance attributes through the same storage.
names = {}
for i in range(200):
    names["name%d" % i] = i
print(len(names), names["name0"], names["name127"], names["name128"], names["name199"])


class Many:
    pass


m = Many()
for i in range(150):
    setattr(m, "a%d" % i, i)
print(getattr(m, "a0"), getattr(m, "a127"), getattr(m, "a128"), getattr(m, "a149"))
print(sum(getattr(m, "a%d" % i) for i in range(150)))

# A set shares the dict's storage.
s = set(range(0, 100000, 3))
print(len(s), 99999 in s, 99998 in s, 3 in s)
