# int() of strings, floats, bools, big values and other ints; int() with no argument.
print(int(), int(0), int(-7), int(True), int(False), int(3.99), int(-3.99), int('42'), int(' -17 '), int('+5'))
print(int('1010', 2), int('777', 8), int('ff', 16), int('0b1010', 0), int('0o777', 0), int('0xff', 0), int(2**70))
print(int('123456789012345678901234567890'), int(1e15), int(-0.5), int(0.99999))
print(int(str(-2**64)), int(repr(12345)), int(hex(255), 16), int(bin(-5), 2), int(oct(64), 8))
for bad in ('', ' ', '1.5', '1e3', 'one', '0x', '- 1', '1 0'):
    try:
        print(int(bad))
    except ValueError as error:
        print('ValueError', error)
