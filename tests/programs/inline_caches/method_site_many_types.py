# One method call site meeting built-in values, instances and modules in turn.
import json


class Counter:
    def count(self, item):
        return 'Counter.count(%r)' % (item,)


class Items(list):
    pass


class Shadow:
    def __init__(self):
        self.count = lambda item: 'instance attribute %r' % (item,)


def count_of(value):
    return value.count('1' if isinstance(value, str) else b'\x01' if isinstance(value, (bytes, bytearray)) else 1)


values = [[1, 1, 2], (1, 2, 1, 1), 'a1b1', b'\x01\x02\x01', Counter(), Items([1, 1]), Shadow(),
          [3], 'xyz', Counter(), (1,), bytearray(b'\x01')]
for value in values:
    print(type(value).__name__, count_of(value))


def dumps_of(value):
    return value.dumps([1, 2])


class Fake:
    def dumps(self, data):
        return 'fake ' + str(data)


for value in [json, Fake(), json]:
    print(dumps_of(value))

for value in [[1], {}, 'text', None]:
    try:
        print(value.count(1))
    except (AttributeError, TypeError) as error:
        print(type(error).__name__, error)
