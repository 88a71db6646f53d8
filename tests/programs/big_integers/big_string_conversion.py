# Converting big ints to and from strings in several bases.
value = 3**200
print(value)
print(hex(value))
print(oct(-value))
print(bin(2**70 + 5))
print(int(str(value)) == value, int(hex(value), 16) == value, int(oct(value), 0) == value)
print(int('-' + '9' * 50), int('z' * 20, 36), int('1' * 100, 2))
print(int('  +123456789012345678901234567890  '), int('-0x' + 'f' * 24, 16))
print(repr(-(10**25)), str(10**25)[1:], len(str(2**1000)))
print('%d|%x|%X' % (2**70, 2**70, -(2**70)))
print('{:d} {:x} {:b}'.format(10**20, 2**68, 2**65))
