# bytearray shares the bytes text methods; results of the searching and testing ones
data = bytearray(b'one two one three one')
print(data.count(b'one'), data.count(b'o'), data.count(b'one', 4), data.count(b'one', 4, 12))
print(data.count(b''), bytearray(b'').count(b'x'))

print(data.rindex(b'one'), data.rindex(b'two'), data.rindex(b'o', 0, 5))
try:
    data.rindex(b'four')
except ValueError as error:
    print('ValueError', error)

print(data.rsplit(), data.rsplit(b' ', 1), data.rsplit(b'one'))
print(bytearray(b'a,b,,c').rsplit(b','), bytearray(b'  x  y ').rsplit())

print(data.startswith(b'one'), data.startswith(b'two'), data.startswith(b'two', 4))
print(data.startswith(b'one', 8, 11), data.startswith(b''))

joined = bytearray(b', ').join([b'x', bytearray(b'y'), b'z'])
print(joined, type(joined) is bytearray, bytearray(b'-').join([]))
print(bytearray(b'  pad  ').lstrip(), bytearray(b'xxpadx').lstrip(b'x'))
print(data.partition(b' one '), bytearray(b'abc').partition(b'z'))
print(bytearray(b'a\nb\r\nc\n').splitlines(), bytearray(b'a\nb\n').splitlines(True))

upper = data.upper()
print(upper, type(upper) is bytearray, bytearray(b'MiXeD 123').upper())

samples = [b'abc', b'ABC', b'aBc', b'123', b' \t\n', b'', b'ab1', b'A B']
for sample in samples:
    value = bytearray(sample)
    print(sample, value.isalpha(), value.isdigit(), value.islower(), value.isspace(),
          value.isupper())
