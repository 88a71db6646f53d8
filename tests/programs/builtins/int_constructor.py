# int() from strings in various bases, prefixes, underscores and whitespace, and truncation
print(int('42'), int('  -17 '), int('+5'), int('0'))
print(int('ff', 16), int('0xff', 16), int('0xff', 0), int('0o17', 0), int('0b101', 0))
print(int('z', 36), int('10', 2), int('777', 8))
print(int('1_000_000'), int(3.99), int(-3.99), int(True))
print(int('123456789012345678901234567890'))
print(int(), int(2**70 + 0.0) == 2**70)
class Indexed:
    def __int__(self):
        return 11
print(int(Indexed()))
for bad in ['', '1.5', '0x', 'abc']:
    try:
        int(bad)
    except ValueError as error:
        print('ValueError', error)
