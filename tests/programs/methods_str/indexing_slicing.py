# expect: micropython 1.29
# string indexing, negative indices, slices and iteration over unicode text
text = 'h\u00e9llo w\u00f6rld'
print(text[0], text[1], text[-1], text[-5])
print(text[:5], text[6:], text[-5:-2], text[3:3] == '', text[20:])
print([c for c in text[:3]], len(text))
print('abc' * 3, 3 * 'x', 'ab' + 'cd', 'a' in 'cat', 'at' in 'cat', 'ct' in 'cat')
print('abc' < 'abd', 'Z' < 'a', 'abc' == 'abc', '' < 'a')
try:
    text[50]
except IndexError as error:
    print('IndexError', error)
