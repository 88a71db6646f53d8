# zip() and map() over a list and a generator that empties the list and
# allocates: the item already taken from the list must stay alive.


class Box:
    def __init__(self, tag):
        self.tag = tag

    def __repr__(self):
        return "Box(%s)" % self.tag


def emptier(victim):
    while True:
        victim.clear()
        victim.extend([Box("late")] * 2)
        junk = [[n] * 10 for n in range(40)]
        yield len(junk)


items = [Box("a"), Box("b"), Box("c")]
print(list(zip(items, emptier(items))))

items = [Box("x"), Box("y")]
print(list(map(lambda box, size: (box.tag, size), items, emptier(items))))
