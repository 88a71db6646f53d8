# Comparisons followed by the conditional jump that consumes them, which the loop runs as one
# step: if and while tests both ways, ints and floats, NaN, chained comparisons, comparisons
# kept as values, and comparisons of other types that take the general path.
nan = float('nan')
for a, b in [(1, 2), (2, 1), (2, 2), (-1, 0), (1.5, 1), (1, 1.0), (nan, 1), (nan, nan),
             (2**47, 2**47 - 1), (2**70, 1), ('a', 'b'), ((1, 2), (1, 3))]:
    results = []
    if a < b:
        results.append('<')
    if not a < b:
        results.append('!<')
    if a == b:
        results.append('==')
    if a != b:
        results.append('!=')
    if a >= b:
        results.append('>=')
    if not (a <= b):
        results.append('!<=')
    if 0 < 1 < 2 and a > b:
        results.append('>')
    kept = a <= b
    results.append(kept)
    print(a, b, results)
count = 0
while count < 10:
    count += 3
print(count)
countdown = 5.0
while not countdown <= 0:
    countdown -= 1.5
print(countdown)
total = 0
index = 0
while True:
    index += 1
    if index % 2 == 0:
        continue
    if index > 15:
        break
    total += index
print(total)
print([value for value in range(20) if value % 3 == 1 if value > 5])
print(1 < 2 < 3, 3 > 2 > 2, 1 < 2 > 0)
