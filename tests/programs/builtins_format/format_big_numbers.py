# formatting very large integers and floats with widths, bases and precision
big = 2**100
print('{}'.format(big))
print('{:x}'.format(big), '{:o}'.format(2**40), '{:b}'.format(2**20))
print('{:>40}'.format(big))
print('{:e}'.format(1.5e300), '{:.3g}'.format(6.02214076e23), '{:f}'.format(1e20))
print('%d %x' % (big, big))
print('{:.30f}'.format(0.1))
