# Globals and functions a host reads, calls and changes (tests/api/embedding_test.cpp).
counter = 1


def add(a, b=10, *, scale=1):
    return (a + b) * scale


def fail(message):
    raise ValueError(message)


def call_back(function, value):
    return function(value)


def make_garbage(count):
    return [str(index) * 3 for index in range(count)]


big = 2**100
