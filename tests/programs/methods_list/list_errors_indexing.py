# list indexing with negatives, out-of-range assignments and non-integer indices
items = [10, 20, 30]
print(items[-1], items[-3], items[1:100], items[-100:1])
items[-1] = 33
print(items)
for index in [3, -4]:
    try:
        items[index] = 0
    except IndexError as error:
        print('IndexError', error)
try:
    items['1']
except TypeError as error:
    print('TypeError', error)
try:
    items[1.0]
except TypeError as error:
    print('TypeError', error)
