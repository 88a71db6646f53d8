# The firmware's default program: a little of everything the core does, printed on the UART.
import sys


def fibonacci(count):
    a, b = 0, 1
    for _ in range(count):
        yield a
        a, b = b, a + b


print("hello from xipy on", sys.platform if hasattr(sys, "platform") else "a Cortex-M3")
print(list(fibonacci(12)))
print({word: len(word) for word in "run mpy from flash".split()})
print(2**100, 1.5 * 3, "%.3f" % (22 / 7))
try:
    {}["missing"]
except KeyError as error:
    print("caught", repr(error))
