# Building arrays of every typecode from lists, bytes and other arrays, and printing them.
from array import array

for code in 'bBhHiIlLqQ':
    print(code, array(code, [0, 1, 100]), len(array(code, [5, 6])))
print(array('f', [1.5, -2.25]), array('d', [0.5, 1e100]), array('d'), array('i'))
print(array('B', b'ab'), array('h', b'abcd'), array('b', bytearray(b'\xff')))
print(array('i', array('i', [7, 8])), array('i', range(4)), array('H', (x * x for x in range(3))))
for bad in (lambda: array('z'), lambda: array('i', 5), lambda: array('i', ['a'])):
    try:
        print(bad())
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)
