# len of every container kind, unicode strings, ranges and classes with __len__
print(len(''), len('abc'), len('\u00e9\u20ac'), len(b'ab'), len(bytearray(4)))
print(len([]), len([1, [2, 3]]), len(()), len({1: 2}), len({1, 2, 2}), len(frozenset('aab')))
print(len(range(10)), len(range(0, 10, 3)), len(range(10, 0)), len(range(10, 0, -4)))
class Sized:
    def __len__(self):
        return 17
print(len(Sized()))
try:
    len(5)
except TypeError as error:
    print('TypeError', error)
