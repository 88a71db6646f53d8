# repr of a set whose first item's __repr__ empties the set and allocates:
# printing must walk the live set (as MicroPython does), not a copy.


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


# repr of a set that an item's __repr__ empties.
# Both MicroPython's hash order and xipy's insertion order print Key(2) first.
printed = set()
first = Key(2, [])
printed.add(first)
printed.add(Key(1, []))
first.victims = [printed]
first = None
print(printed, len(printed))
