# Items of lists, tuples and bytearrays read and written at small-int indices, and the cases
# beside them that take the general path: negative and out-of-range indices, bool and big-int
# indices, subclasses with their own __getitem__/__setitem__, and slices that alias their list.
values = [10, 20, 30]
print(values[0], values[2], values[-1], values[-3])
values[-1] = 33
values[0] = 'a'
print(values)
for index in (3, -4, 1 << 100):
    try:
        print(values[index])
    except (IndexError, OverflowError) as error:
        print(type(error).__name__, error)
    try:
        values[index] = 0
    except (IndexError, OverflowError) as error:
        print(type(error).__name__, error)
print(values[True], values[False])
values[True] = 'b'
print(values)
try:
    values['0']
except TypeError as error:
    print('TypeError', error)
try:
    values[1.0] = 1
except TypeError as error:
    print('TypeError', error)
empty = []
try:
    empty[0]
except IndexError as error:
    print('IndexError', error)

pair = (1, 'two')
print(pair[0], pair[-1], pair[True])
try:
    pair[2]
except IndexError as error:
    print('IndexError', error)
try:
    pair[0] = 5
except TypeError as error:
    print('TypeError', error)

data = bytearray(b'abc')
print(data[0], data[-1], data[True])
data[0] = 255
data[1] = 256 + 66
data[-1] = -1
print(data, data[1])
data[2] = True
print(data)
try:
    data[3] = 0
except IndexError as error:
    print('IndexError', error)
try:
    data[-4]
except IndexError as error:
    print('IndexError', error)
try:
    data[0] = 'x'
except TypeError as error:
    print('TypeError', error)
try:
    del data[0]
except TypeError as error:
    print('TypeError', error)


class Shifted(list):
    def __getitem__(self, index):
        return ('item', index)

    def __setitem__(self, index, value):
        print('set', index, value)


shifted = Shifted([1, 2, 3])
print(shifted[0], shifted[7], len(shifted))
shifted[0] = 'x'
print(list(shifted))


class Plain(list):
    pass


plain = Plain([4, 5, 6])
print(plain[0], plain[-1])
plain[1] = 50
print(plain)

# Deleting an item moves the tail; so do insert and pop.
items = list(range(6))
del items[1]
del items[-1]
print(items)
items.insert(0, 'first')
items.insert(100, 'last')
items.insert(-1, 'before last')
items.insert(-100, 'very first')
print(items)
print(items.pop(0), items.pop(), items.pop(2), items)

# Slices read and written in place, including slices of the list itself.
items = list(range(10))
print(items[2:5], items[::3], items[::-2], items[7:2], items[-3:], items[:100])
items[2:5] = [7, 8]
print(items)
items[2:3] = items
print(items, len(items))
items[:] = items[::-1]
print(items)
items[1:1] = (9, 9)
print(items)
items[0:len(items)] = []
print(items)
items += [1, 2]
items.extend(items)
print(items)
items[1:] = items[:1]
print(items)
words = ('a', 'b', 'c', 'd', 'e')
print(words[1:4], words[3:1], words[-2:], words[:])

# A list that grows while a loop reads it by index sees the new items.
growing = [1, 2]
index = 0
while index < len(growing) and index < 6:
    if growing[index] < 4:
        growing.append(growing[index] + 2)
    index += 1
print(growing)

# Slice bounds that are not small ints.
items = list(range(5))
print(items[True:], items[:False], items[::True], items[-100:2], items[3:100])
try:
    items[:1 << 100]
except OverflowError as error:
    print('OverflowError', error)
try:
    items[::0]
except ValueError as error:
    print('ValueError', error)
