# bool() of the built-in types and of objects defining __bool__ or __len__
for value in [0, 1, -1, 0.0, 0.5, '', 'a', b'', b'\x00', [], [0], (), (0,), {}, {0: 0}, set(), None]:
    print(repr(value), bool(value))
print(bool())
class Falsy:
    def __bool__(self):
        return False
class Empty:
    def __len__(self):
        return 0
class Full:
    def __len__(self):
        return 3
print(bool(Falsy()), bool(Empty()), bool(Full()))
print(not Falsy(), not Full())
print(True + True, True * 10, False - 1)
print(int(True), float(False), str(True))
print(True and 5, False or 'x', not 0)
