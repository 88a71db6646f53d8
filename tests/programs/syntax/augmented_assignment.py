# Augmented assignment on names, attributes and subscripts with every operator.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x %= 3; print(x)
x **= 4; print(x)
x <<= 3; print(x)
x >>= 1; print(x)
x &= 0b1100; print(x)
x |= 0b0011; print(x)
x ^= 0b1111; print(x)
x /= 2; print(x)
class Box:
    pass
box = Box()
box.count = 1
box.count += 10
box.count *= 3
print(box.count)
items = [1, 2, 3]
items[1] += 40
items[-1] **= 2
print(items)
table = {'k': 'a'}
table['k'] += 'b'
table['k'] *= 2
print(table)
def key():
    print('key evaluated')
    return 0
counts = [5]
counts[key()] += 1
print(counts)
text = 'ab'
text += 'cd'
print(text)
seq = [1]
alias = seq
seq += [2]
print(alias, alias is seq)
tup = (1,)
tup2 = tup
tup += (2,)
print(tup, tup2)
