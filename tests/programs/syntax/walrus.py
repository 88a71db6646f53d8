# Assignment expressions (walrus operator) in conditions, comprehensions and calls.
data = [3, 8, 1, 9, 4]
if (count := len(data)) > 3:
    print('long', count)
index = 0
while (item := data[index]) != 9:
    index += 1
print('found', item, 'at', index)
print([y for x in data if (y := x * 2) > 6])
print((total := sum(data)), total)
def f(values):
    if (n := len(values)) > 2:
        return n
    return -n
print(f([1, 2, 3]), f([]))
print((a := 1, b := 2), a, b)
print(max(z := 5, 3), z)
