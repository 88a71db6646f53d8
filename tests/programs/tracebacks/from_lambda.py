# Uncaught exception raised inside a lambda called through map.
convert = lambda value: 100 // value
print(list(map(convert, [1, 2, 5])))
results = list(map(convert, [4, 0]))
print('not reached', results)
