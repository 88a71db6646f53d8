# __repr__ and __str__: which one print, str(), repr(), format and containers use.
class Both:
    def __repr__(self):
        return 'Both-repr'
    def __str__(self):
        return 'Both-str'
class OnlyRepr:
    def __repr__(self):
        return 'OnlyRepr()'
class OnlyStr:
    def __str__(self):
        return 'only str'
b, r = Both(), OnlyRepr()
print(b, str(b), repr(b), [b], (b,), {'k': b})
print(r, str(r), repr(r), [r])
print(OnlyStr(), str(OnlyStr()))
print('%s %r' % (b, b), '{} {!r}'.format(b, b), f'{b}')
print(str(b) + '!', len(repr(r)))
class Nested:
    def __init__(self, inner):
        self.inner = inner
    def __repr__(self):
        return 'Nested(%r)' % (self.inner,)
print(Nested(Nested([1, 'a'])))
