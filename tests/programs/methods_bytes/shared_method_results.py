# Result types and identity of the methods bytes and bytearray share with str
array = bytearray(b'ab')
data = b'ab'
print(array.strip() is array, array.lstrip() is array, array.rstrip(b'x') is array)
print(data.strip() is data, data.lstrip(b'z') is data, data.rstrip() is data)
print(array.strip(b'a'), array.strip(b'a') is array, data.rstrip(b'b'))
text = 'ab'
print(text.strip() is text, text.strip('a'))

# partition: not found gives self and two empty bytes, even for a bytearray
for self in (bytearray(b'a'), b'a'):
    for parts in (self.partition(b';'), self.rpartition(b';')):
        print(parts, [type(part).__name__ for part in parts],
              parts[0] is self or parts[2] is self)
# found: the separator is the argument when it has self's type, else a copy of self's type
separator = b','
print(b'a,b'.partition(separator)[1] is separator)
separator = bytearray(b',')
parts = b'a,b'.partition(separator)
print(parts, parts[1] is separator, type(parts[1]).__name__)
parts = bytearray(b'a,b').rpartition(b',')
print(parts, [type(part).__name__ for part in parts])
print(bytearray(b',a,').partition(bytearray(b',')))

# splitlines takes keepends by keyword too
print(b'a\nb\r\nc'.splitlines(keepends=True), bytearray(b'x\ny').splitlines(keepends=False))
print(b'a\n'.splitlines(True), 'a\nb'.splitlines(keepends=True))

# join takes bytes and bytearray items, not other buffers
print(b','.join([bytearray(b'a'), b'b']), bytearray(b'-').join((b'x', bytearray(b'y'))))
import array as array_module
for items in ([b'a', memoryview(b'b')], [b'a', array_module.array('b', [66])], [b'a', 'b']):
    try:
        print(b','.join(items))
    except TypeError as error:
        print('TypeError', error)
try:
    print(','.join(['a', b'b']))
except TypeError as error:
    print('TypeError', error)
