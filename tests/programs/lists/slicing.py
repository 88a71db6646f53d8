# Reading list slices: positive, negative, omitted and out-of-range bounds, and steps of either sign.
items = list(range(10))
print(items[2:5], items[:3], items[7:], items[-3:], items[:-7], items[-100:100], items[5:2], items[20:])
print(items[::2], items[1::3], items[::-1], items[::-3], items[8:2:-2], items[2:8:-1], items[-1:-4:-1])
print(items[:], items[:] is items, items[:] == items, items[::100], items[::-100])
nested = [[1, 2], [3, 4], [5, 6]]
print(nested[1:][0][1], nested[::-1][0], nested[-1][::-1])
try:
    items[::0]
except ValueError as error:
    print('ValueError', error)
