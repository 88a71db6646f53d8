# chr and ord over ASCII, Latin-1, BMP and astral code points, plus round trips
for code in [0, 65, 97, 127, 128, 233, 0x3b1, 0x20ac, 0x1f600]:
    character = chr(code)
    print(code, len(character), ord(character) == code, len(character.encode()))
print(ord('a'), ord('\n'), ord('\u00e9'), ord('\u20ac'))
print(ord(b'A'), ord(b'\xff'))
print(''.join(chr(c) for c in range(65, 75)))
print([ord(c) for c in 'xyz'])
