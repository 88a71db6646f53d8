# set union whose items' __hash__ empty both operands and allocate: the
# items being added must stay alive.


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


# set union whose items' __hash__ empties the operands.
left = set()
right = set()
victims = [left, right]
for number in range(3):
    left.add(Key(number, []))
    right.add(Key(number + 10, []))
for item in list(left) + list(right):
    item.victims = victims
union = left | right
print(type(union).__name__, len(left), len(right))
