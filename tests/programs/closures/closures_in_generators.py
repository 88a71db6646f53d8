# Generators that close over outer variables and closures created inside generators.
def make_sequence(step):
    def sequence(limit):
        value = 0
        while value < limit:
            yield value
            value += step
    return sequence
print(list(make_sequence(3)(10)))
def generator_of_closures():
    for i in range(3):
        yield lambda: i * 100
print([f() for f in generator_of_closures()])
print([f() for f in list(generator_of_closures())])
def running_total():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    for x in [5, 10, 15]:
        yield add(x)
print(list(running_total()))
def generator_with_cell():
    shared = []
    def note(x):
        shared.append(x)
    for i in range(3):
        note(i)
        yield len(shared)
    yield shared
print(list(generator_with_cell()))
