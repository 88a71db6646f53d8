# String concatenation, repetition (including zero and negative counts) and augmented assignment.
a = 'abc'
b = 'déf'
print(a + b, b + a, a + '', '' + '', a * 3, 3 * a, a * 0, a * -2, '' * 100)
print(repr(a * 1), ('ab' + 'c') * 2, 'x' + 'y' * 3 + 'z', len('日本' * 50))
text = ''
for index in range(10):
    text += str(index)
print(text, len(text))
text *= 2
print(text)
pieces = []
for word in ('one', 'two', 'three'):
    pieces.append(word.upper())
print('-'.join(pieces), ''.join(reversed(pieces)), ' '.join([]))
try:
    print('a' + 1)
except TypeError as error:
    print('TypeError', error)
try:
    print('a' * 'b')
except TypeError as error:
    print('TypeError', error)
try:
    print('a' * 1.5)
except TypeError as error:
    print('TypeError', error)
