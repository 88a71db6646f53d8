# reversed on lists, tuples, strings, ranges and classes with __reversed__ or sequence protocol
print(list(reversed([1, 2, 3])), list(reversed((4, 5))), ''.join(reversed('abc')))
print(list(reversed(range(1, 8, 2))), list(reversed([])))
class Backwards:
    def __reversed__(self):
        return iter('zyx')
print(list(reversed(Backwards())))
data = [1, 2, 3]
walker = reversed(data)
print(next(walker), next(walker), list(walker))
