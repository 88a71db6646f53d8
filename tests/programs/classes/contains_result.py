# `in` and `not in` turn whatever __contains__ returns into a bool.
class Echo:
    def __contains__(self, item):
        return item


for item in (0, 1, "", "text", None, [], [0]):
    print(repr(item), item in Echo(), item not in Echo())
print(Echo().__contains__("raw"))
