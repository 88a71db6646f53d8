# Iterator protocol on user classes: __iter__ returning self or a generator, __next__ with StopIteration.
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(3)))
counter = Countdown(2)
print(next(counter), next(counter), next(counter, 'done'))
class Collection:
    def __init__(self, *items):
        self.items = items
    def __iter__(self):
        for item in self.items:
            yield item.upper()
c = Collection('a', 'b')
print(list(c), list(c), sorted(c, reverse=True))
for letter in c:
    print('letter', letter)
a, b = c
print(a, b, 'A' in c)
print(dict(zip(c, Countdown(2))))
print(sum(Countdown(4)), max(Countdown(3)), list(enumerate(Countdown(2))))
