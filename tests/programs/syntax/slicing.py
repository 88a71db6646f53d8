# Slicing of lists, strings, tuples and ranges, including negative steps and three-argument slices.
items = list(range(10))
print(items[2:5], items[:3], items[7:], items[:], items[-3:], items[:-7])
print(items[::2], items[1::3], items[::-1], items[8:2:-2], items[-1:-4:-1])
print(items[5:2], items[100:], items[-100:2], items[2:100:4])
start, stop, step = 1, 9, 3
print(items[start:stop:step], items[start:stop], items[:stop:step])
text = 'abcdefgh'
print(text[1:4], text[-2:], text[5:1], text[:100], text[-100:3])
print((1, 2, 3, 4)[1:3], (1, 2, 3)[-2:], (1, 2, 3, 4, 5)[:-1])
print(b'bytes'[1:3], list(range(20)[3:15:4]))
class Grab:
    def __getitem__(self, key):
        return key
s = Grab()[1:8:2]
print(type(s).__name__, s.start, s.stop, s.step)
s = Grab()[:5]
print(s.start, s.stop, s.step)
s = Grab()[::start]
print(s.start, s.stop, s.step)
print(items[Grab()[2:6]], items[Grab()[::-3]])
copy = items[:]
print(copy == items, copy is items)
