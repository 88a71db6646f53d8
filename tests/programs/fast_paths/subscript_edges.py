# The loop's list, tuple and bytearray subscripts at their edges: negative and out-of-range
# indices, big-int and bool indices, deletion, slices, subclasses with their own methods,
# bytearray values out of range, and lists changed while indexed in a loop.
items = [10, 20, 30]
row = (1, 2, 3)
data = bytearray(b'abc')
for index in [0, 2, -1, -3, 3, -4, True, False, 2**70, -(2**70), 1.0, 'x']:
    for container in (items, row, data):
        try:
            print(repr(container[index]))
        except (IndexError, TypeError, OverflowError) as error:
            print(type(error).__name__, error)
for index, value in [(0, 5), (-1, 6), (3, 7), (-4, 8), (True, 9), (2**70, 1)]:
    for container in (items, data):
        try:
            container[index] = value
            print(container)
        except (IndexError, TypeError, OverflowError) as error:
            print(type(error).__name__, error)
for value in [255, 256, -1, 'a', 2**70]:
    try:
        data[0] = value
        print(data)
    except (ValueError, TypeError, OverflowError) as error:
        print(type(error).__name__)
try:
    row[0] = 1
except TypeError:
    print('TypeError')
del items[0]
print(items)
try:
    del data[-1]
except TypeError as error:
    print('TypeError', error)
print(data)
print(items[::-1], row[1:], data[:1])
window = memoryview(bytearray(b'wxyz'))[1:3]
print(window[0], window[-1])


class Squares(list):
    def __getitem__(self, index):
        return index * index

    def __setitem__(self, index, value):
        print('set', index, value)


squares = Squares([1, 2, 3])
print(squares[5], squares[-2])
squares[1] = 4
print(list(squares))


class Plain(list):
    pass


plain = Plain([4, 5, 6])
print(plain[0], plain[-1])
plain[0] = 7
print(plain)
# A list that shrinks and grows while a loop indexes it.
numbers = list(range(8))
index = 0
while index < len(numbers):
    if numbers[index] % 3 == 0:
        numbers.pop(index)
        numbers.append(numbers[-1] + 100) if len(numbers) < 12 else None
    else:
        numbers[index] = numbers[index] * 2
        index += 1
print(numbers)
try:
    print(numbers[len(numbers)])
except IndexError as error:
    print('IndexError', error)
