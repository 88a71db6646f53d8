# hash() agrees for equal values of different types and for equal tuples and strings
print(hash(1) == hash(1.0) == hash(True))
print(hash(0) == hash(0.0) == hash(False))
print(hash('abc') == hash('ab' + 'c'))
print(hash((1, 'a')) == hash((1, 'a')))
print(hash(b'xy') == hash(b'xy'))
class Keyed:
    def __init__(self, key):
        self.key = key
    def __hash__(self):
        return self.key
    def __eq__(self, other):
        return self.key == other.key
print(hash(Keyed(7)), len({Keyed(1), Keyed(1), Keyed(2)}))
try:
    hash([1])
except TypeError as error:
    print('TypeError', error)
try:
    hash({})
except TypeError:
    print('dict unhashable')
