# bytes objects are immutable and hashable; bytearray is mutable and unhashable.
data = b'key'
table = {data: 1, b'other': 2}
print(table[b'key'], b'ke' + b'y' in table, hash(b'abc') == hash(b'ab' + b'c'))
try:
    data[0] = 1
except TypeError as error:
    print('TypeError', error)
try:
    {bytearray(b'x'): 1}
except TypeError as error:
    print('TypeError', error)
try:
    del data[0]
except TypeError as error:
    print('TypeError', error)
