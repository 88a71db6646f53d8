# expect: micropython 1.29
# Character and number conversions: chr, ord, hex, oct, bin, and formatting numbers as text.
print([ord(character) for character in 'Az09 ~'], ''.join(chr(code) for code in [72, 105, 33]))
print(hex(0), hex(255), hex(-256), hex(2**64), oct(8), oct(-9), bin(0), bin(10), bin(-10))
print(int('z', 36), int('Z', 36), str(35), format(255, 'x') if False else '%x' % 255, '%o' % 64, '%c' % 97)
print(chr(0x7f), repr(chr(0x80)), repr(chr(0xffff)), ord('\uffff'), ord('\U0010ffff'))
for value in (1, 15, 16, 255, 256, 65535, 2**32 - 1):
    print(value, hex(value), oct(value), bin(value), len(bin(value)) - 2)
for bad in (lambda: hex(1.5), lambda: oct(2.0)):
    try:
        print(bad())
    except TypeError as error:
        print('TypeError', error)
