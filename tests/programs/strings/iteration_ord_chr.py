# expect: micropython 1.29
# Iterating over strings and converting characters with ord and chr across the Unicode range.
for character in 'aé日😀':
    print(character, ord(character), hex(ord(character)), chr(ord(character)) == character)
print([chr(code) for code in (65, 97, 48, 32, 126, 0xe9, 0x3b1, 0x65e5, 0x1f600)])
print(''.join(chr(ord(character) + 1) for character in 'HAL'))
print(list('abc'), tuple('xy'), list(''), list(enumerate('hi')))
counts = {}
for character in 'mississippi':
    counts[character] = counts.get(character, 0) + 1
print(sorted(counts.items()))
iterator = iter('ab')
print(next(iterator), next(iterator), next(iterator, 'done'))
print(repr(chr(0)), repr(chr(10)), repr(chr(127)), len(chr(0x10ffff)))
for bad in (-1, 0x110000):
    try:
        chr(bad)
    except ValueError as error:
        print('ValueError', error)
for bad in ('', 'ab'):
    try:
        ord(bad)
    except TypeError as error:
        print('TypeError', error)
