# repr of a list whose items' __repr__ replace later items and allocate:
# printing must show the list's current items.


class Loud:
    def __init__(self, victim, tag):
        self.victim = victim
        self.tag = tag

    def __repr__(self):
        for index in range(len(self.victim)):
            if self.victim[index] is not self:
                self.victim[index] = "new%d-%s" % (index, self.tag)
        junk = [[n] * 10 for n in range(40)]
        return "Loud(%s, %d)" % (self.tag, len(junk))


items = []
items.append(Loud(items, "a"))
items.append([1, 2, 3])
items.append(Loud(items, "b"))
items.append({"k": [4, 5]})
print(items)
print(repr(items))
nested = [items, ["x", items]]
items[0] = Loud(items, "c")
print(nested)
