# List equality where the left item's __eq__ declines after replacing the
# right list's items and allocating: the reflected __eq__ of the old right
# item must still find it alive.


class Left:
    def __init__(self, victim):
        self.victim = victim

    def __eq__(self, other):
        for index in range(len(self.victim)):
            self.victim[index] = "replaced%d" % index
        junk = [[n] * 10 for n in range(40)]
        return NotImplemented if len(junk) == 40 else False


class Right:
    def __init__(self, tag):
        self.tag = [tag, tag * 2]

    def __eq__(self, other):
        junk = [[n] * 10 for n in range(40)]
        print("right eq", self.tag, len(junk))
        return self.tag[0] == "yes"


for tag in ("yes", "no"):
    right = [Right(tag), Right(tag)]
    left = [Left(right), Left(right)]
    print(left == right, right)
    right = [Right(tag)]
    left = [Left(right)]
    print(left != right, right)
