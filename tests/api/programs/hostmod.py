# A Python model of the native module tests/api/embedding_test.cpp registers as `hostmod`:
# the reference MicroPython runs host_native.py against it to make host_native.exp.
ANSWER = 42
PI = 3.5
NAME = "hostmod"
FLAG = True
NOTHING = None


def greet(name, *, punctuation="!"):
    return "hello, " + name + punctuation


def fails():
    raise OSError("no such pin")


def add_ints(a, b):
    if not isinstance(b, int) or not isinstance(a, int):
        raise TypeError("can't convert str to int")
    return a + b


def call_python(function, value):
    return function(value)


class Counter:
    def __init__(self, start):
        self._value = start

    def increment(self, step=1):
        if not isinstance(step, int):
            raise TypeError("can't convert str to int")
        self._value += step

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, new_value):
        self._value = new_value
