# dict.update from a dict whose keys' __hash__ empty it and allocate: update
# must walk the live source (as MicroPython does), not a copy.


class Key:
    def __init__(self, number, victims):
        self.number = number
        self.victims = victims

    def __hash__(self):
        for victim in self.victims:
            victim.clear()
        junk = [[n] * 10 for n in range(40)]
        return self.number + len(junk) - 40

    def __eq__(self, other):
        return isinstance(other, Key) and self.number == other.number

    def __repr__(self):
        for victim in self.victims:
            victim.clear()
        junk = [[n] * 10 for n in range(40)]
        return "Key(%d)" % (self.number + len(junk) - 40)


# update from a dict whose keys' __hash__ empties it.
source = {}
for number in range(3):
    source[Key(number, [])] = [number] * 3
for key in source:
    key.victims = [source]
key = None
target = {}
target.update(source)
print(len(source), len(target), sorted(value for value in target.values()))
