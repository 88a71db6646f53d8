# struct.calcsize with standard sizes, native alignment and counts
import struct
for fmt in ['<b', '<h', '<i', '<q', '<f', '<d', '<5s', '<3x', '<bhi', '>bhi', '!q', '<2h3b']:
    print(fmt, struct.calcsize(fmt))
print(struct.calcsize('bi') >= struct.calcsize('<bi'), struct.calcsize('') == 0)
