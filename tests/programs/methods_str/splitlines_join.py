# str.splitlines with and without keepends, and str.join with various iterables
text = 'first\nsecond\r\nthird\rfourth\n'
print(text.splitlines())
print(text.splitlines(True))
print(''.splitlines(), 'no newline'.splitlines(), '\n\n'.splitlines())
print(', '.join(['a', 'b', 'c']), ''.join(('x', 'y')), '-'.join('abc'))
print('+'.join([]), '+'.join(['solo']), ' '.join(str(n) for n in range(4)))
print('/'.join({'k': 1}))
try:
    ','.join(['a', 1])
except TypeError as error:
    print('TypeError', error)
