# sort() whose key function and __lt__ replace the items of the list being
# sorted and allocate: the old items must stay alive until sort is done.


class Key:
    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        victim[0] = [0] * 5
        junk = [[n] * 10 for n in range(20)]
        return self.value < other.value + len(junk) - 20


def key(item):
    for index in range(len(victim)):
        if victim[index] is not item:
            victim[index] = [-index]
    junk = [[n] * 10 for n in range(20)]
    return Key(len(junk) + len(item))


victim = [[1, 2, 3], [1], [1, 2], [1, 2, 3, 4]]
victim.sort(key=key)
print(len(victim))
junk = [[n] * 10 for n in range(100)]
print(len(junk), sorted(len(item) for item in victim) is not None)
victim = [[1, 2, 3], [1], [1, 2]]
victim.sort(key=key, reverse=True)
print(len(victim))
