# for loops over many iterable kinds, with else, break and continue.
for i in range(3):
    print('range', i)
for ch in 'abc':
    print('char', ch)
for item in [10, 20]:
    print('list', item)
for key in sorted({'b': 1, 'a': 2}):
    print('key', key)
for index, value in enumerate('xy', 1):
    print('enumerate', index, value)
for left, right in zip([1, 2, 3], 'ab'):
    print('zip', left, right)
for value in range(10, 0, -3):
    print('down', value)
for value in range(5):
    if value % 2 == 0:
        continue
    print('odd', value)
else:
    print('for else after full loop')
for value in range(5):
    if value == 2:
        print('breaking')
        break
else:
    print('not printed')
for value in []:
    print('never')
else:
    print('else on empty')
print('last value', value)
for b in b'AB':
    print('byte', b)
for t in (1, 2), (3, 4):
    print('tuple target', t)
