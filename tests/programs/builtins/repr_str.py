# expect: micropython 1.29
# repr versus str of built-in values, including quoting choices and escapes
for value in ['plain', "it's", 'say "hi"', 'both \' and "', 'tab\there', 'nl\n', '\x00\x7f', '\u00e9']:
    print(repr(value), str(value) == value)
print(repr(b'bytes\x01'), repr(bytearray(b'ab')), str(b'x'))
print(repr([1, 'a', None]), repr((1,)), repr(()), repr({1: 'x'}))
print(repr(1.0), repr(0.1), repr(-0.0), repr(1e100), str(1e-5))
class Shown:
    def __repr__(self):
        return 'Shown()'
print(repr(Shown()), str(Shown()), [Shown()])
class Both(Shown):
    def __str__(self):
        return 'both'
print(str(Both()), repr(Both()), '%s %r' % (Both(), Both()))
