# Small-int arithmetic and comparisons at the edges of xipy's 48-bit inline ints, where
# results must move to heap ints, and truth tests of values that are not bools.
top = (1 << 47) - 1
bottom = -(1 << 47)

values = [top, top - 1, bottom, bottom + 1, 0, 1, -1, 12345]
for a in values:
    for b in (1, -1, 2, top, bottom):
        print(a + b, a - b, a & b, a | b, a ^ b)
        print(a < b, a > b, a == b, a <= b, a >= b, a != b)

x = top
x += 1
print(x, type(x) is int, x - 1 == top)
y = bottom
y -= 1
print(y, y + 1 == bottom)
z = top
z -= -1
print(z)
w = 5
w &= 3
w |= 8
w ^= 15
print(w)

# bools are ints but not small ints here: the general path answers
print(True + 1, False - 1, True & 3, True | 2, True ^ 3, True < 2)

# conditions on values other than comparison results
count = 0
for value in [0, 1, -1, top + 1, 0.0, 2.5, "", "a", [], [0], None, (), (1,)]:
    if value:
        count += 1
    while value:
        count += 10
        break
    print(value and 1, value or 2)
print(count)

total = 0
for i in range(-3, 4):
    total = total + i * 3 - (i & 1)
print(total)
