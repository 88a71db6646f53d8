# List comparison whose __eq__ replaces the items of the lists being compared
# and allocates: the comparison must read the lists' current items.


class Item:
    def __init__(self, tag):
        self.tag = tag

    def __eq__(self, other):
        return isinstance(other, Item) and self.tag == other.tag

    def __gt__(self, other):
        return self.tag > other.tag

    def __repr__(self):
        return "Item(%r)" % (self.tag,)


class Swapper:
    # On comparison, replaces every later item of both lists with fresh
    # objects, dropping the only other references to the old ones.
    def __init__(self, lists, tags):
        self.lists = lists
        self.tags = tags

    def __eq__(self, other):
        for which, victim in enumerate(self.lists):
            for index in range(1, len(victim)):
                victim[index] = Item(self.tags[which] + str(index))
        junk = [[n] * 10 for n in range(40)]
        return len(junk) == 40


def run(op, left_tags, right_tags):
    left = [None, Item("old1"), Item("old2")]
    right = [None, Item("old1"), Item("old2")]
    left[0] = Swapper([left, right], [left_tags, right_tags])
    right[0] = Swapper([], [])
    result = op(left, right)
    print(result, left[1:], right[1:])


run(lambda a, b: a == b, "x", "x")
run(lambda a, b: a == b, "x", "y")
run(lambda a, b: a != b, "x", "y")
run(lambda a, b: a < b, "a", "b")
run(lambda a, b: a > b, "a", "b")
run(lambda a, b: a >= b, "b", "b")
