# iter and next on sequences, iterator protocol classes, next with defaults and StopIteration
iterator = iter([1, 2])
print(next(iterator), next(iterator), next(iterator, 'done'))
try:
    next(iterator)
except StopIteration:
    print('StopIteration')
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current == 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(4)))
print(next(iter('xyz')), next(iter(range(5, 9))), next(iter({7: 'a'})))
class Legacy:
    def __getitem__(self, index):
        if index > 2:
            raise IndexError
        return index * 10
print(list(iter(Legacy())))
it = iter((1,))
print(iter(it) is it)
