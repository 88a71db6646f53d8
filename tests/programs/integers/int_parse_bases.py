# int() parsing of strings in bases 2 to 36, base 0 with prefixes, signs and spaces.
print(int('101', 2), int('777', 8), int('ff', 16), int('FF', 16), int('zz', 36), int('Zz', 36))
for base in range(2, 37):
    print(base, int('10', base), int('11', base), end='; ')
print()
print(int('0x1f', 0), int('0o17', 0), int('0b101', 0), int('42', 0), int('-0x10', 0))
print(int('0x1f', 16), int('0b11', 2), int('0o7', 8), int('0X1F', 16))
print(int('  -12  '), int('+34'), int('-0'), int('000123'))
print(int('1' * 30), int('-' + 'f' * 20, 16))
for text, base in (('12', 2), ('', 10), ('0x', 16), ('1 2', 10), ('9', 8), ('08', 0), ('12', 1), ('12', 37)):
    try:
        print(int(text, base))
    except ValueError as error:
        print('ValueError', error)
