# hex, oct, bin and str of positive, negative, zero and large ints.
for value in (0, 1, -1, 7, -7, 255, -255, 2**31, -(2**31), 2**64 + 1, -(2**70)):
    print(str(value), hex(value), oct(value), bin(value))
print(repr(-42), str(10**20), repr(-10**20))
print('%d %i %x %X %o' % (255, -255, 255, 255, 8))
print('%5d|%-5d|%05d|%+d' % (42, 42, 42, 42))
print('{:b} {:o} {:x} {:X} {:d}'.format(10, 10, 255, 255, 12))
print('{:#x} {:#b} {:#o}'.format(255, 5, 8))
print('{:>8} {:<8}| {:^8}|'.format(123, 456, 789))
print('{:,}'.format(1234567) if False else '{:08d}'.format(-42))
