# Python using a native module the host registered (tests/api/embedding_test.cpp).
import hostmod

print(hostmod.greet("xipy"))
print(hostmod.greet("xipy", punctuation="?"))
print(hostmod.ANSWER, hostmod.PI, hostmod.NAME, hostmod.FLAG, hostmod.NOTHING)
counter = hostmod.Counter(5)
counter.increment()
counter.increment(3)
print(counter.value)
counter.value = 10
print(counter.value)
print(hostmod.add_ints(2, 40))
failing = (
    lambda: hostmod.greet(),
    lambda: hostmod.greet("a", "b"),
    lambda: hostmod.greet(nme="x"),
    lambda: hostmod.greet("a", name="b"),
    lambda: hostmod.fails(),
    lambda: hostmod.add_ints(1),
    lambda: hostmod.add_ints(1, "x"),
    lambda: hostmod.Counter(1).increment("x"),
)
for call in failing:
    try:
        call()
    except Exception as error:
        print(type(error).__name__, error)


class Twice(hostmod.Counter):
    def twice(self):
        self.increment()
        self.increment()


twice = Twice(0)
twice.twice()
print(twice.value, isinstance(twice, hostmod.Counter))
print(hostmod.call_python(lambda x: x * 2, 21))
try:
    hostmod.call_python(lambda x: 1 // x, 0)
except ZeroDivisionError as error:
    print("propagated", error)
