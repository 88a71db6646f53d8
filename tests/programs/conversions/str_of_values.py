# str() and repr() of values of every basic type, including nested containers.
values = [0, -12, 2**70, 1.5, -0.0, 1e-9, 1j, True, None, 'text', "it's", b'by', bytearray(b'ba'),
          [1, 'a'], (1,), (), [], {}, {'k': 'v'}, range(3), [[1, [2]], (3, [4])], ('a', "b'c")]
for value in values:
    print(str(value), repr(value))
print(str(), str('x'), str(str), str(int) if False else 'skip', str(10**20)[:5], len(str(2**100)))
