# A first program for xipy: `make run` compiles it to build/examples/hello.mpy and shows it.


def greet(name, times=1):
    """Returns a greeting, repeated `times` times."""
    return " ".join(["Hello, " + name + "!"] * times)


def squares(limit):
    return [number * number for number in range(1, limit + 1)]


print(greet("xipy"))
print(greet("MicroPython", times=2))
print("squares:", squares(5))
print("sum of squares:", sum(squares(5)))
