# bytes indexing yields ints, slicing yields bytes, iteration, concatenation and comparison
data = b'\x00\x7f\x80\xff'
print(data[0], data[-1], data[1:3], list(data), len(data))
print(b'ab' + b'cd', b'ab' * 3, b'a' in b'cat', 97 in b'cat', b'ct' in b'cat')
print(b'abc' < b'abd', b'abc' == b'abc', b'abc' == 'abc', b'' < b'\x00')
print(bytes(reversed(b'abc')), sorted(b'cab'), max(b'xyz'), sum(b'\x01\x02'))
try:
    data[4]
except IndexError as error:
    print('IndexError', error)
