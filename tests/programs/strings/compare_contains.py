# expect: micropython 1.29
# String comparison (lexicographic by code point), equality, ordering of prefixes and the in operator.
words = ['apple', 'Apple', 'app', 'apples', 'banana', '', 'é', 'z', 'Z', '日']
for word in words:
    print(repr(word), [word < other for other in words])
print(sorted(words))
print('abc' == 'abc', 'abc' != 'abd', 'abc' < 'abd', 'b' > 'abc', 'a' <= 'a', 'ab' >= 'abc')
print('' in 'abc', 'bc' in 'abc', 'ac' in 'abc', 'abc' in 'abc', 'abcd' in 'abc', 'é' in 'café')
print('x' not in 'abc', 'a' not in 'abc', max(['b', 'abc', 'ba']), min('hello'))
print('a' == 97 if False else 'a' == 'a', '1' == 1, [] == '')
try:
    print('a' < 1)
except TypeError as error:
    print('TypeError', error)
try:
    print(1 in 'abc')
except TypeError as error:
    print('TypeError', error)
