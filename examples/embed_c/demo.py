# The program examples/embed_c links into its binary and runs in place with load_from_mem_run().


def greet(name, times=1):
    """Returns a greeting, repeated `times` times."""
    return " ".join(["Hello, " + name + "!"] * times)


def squares(limit):
    return [number * number for number in range(1, limit + 1)]


class Counter:
    def __init__(self):
        self.counts = {}

    def add(self, word):
        self.counts[word] = self.counts.get(word, 0) + 1


print(greet("xipy"))
print(greet("MicroPython", times=2))
print("squares:", squares(5))
print("sum of squares:", sum(squares(5)))

counter = Counter()
for word in "the quick brown fox jumps over the lazy dog the end".split():
    counter.add(word)
print("most common:", max(counter.counts.items(), key=lambda item: item[1]))

try:
    int("forty-two")
except ValueError as error:
    print("caught:", error)
print("2 ** 100 =", 2**100)
