# slice is the type of the objects subscripts with colons pass to __getitem__ and friends;
# calling slice() itself is left out: the reference cannot, xipy can (docs/compatibility.md)


class Recorder:
    def __getitem__(self, index):
        if isinstance(index, slice):
            return ('slice', index.start, index.stop, index.step)
        return ('index', index)

    def __setitem__(self, index, value):
        print('set', type(index) is slice, index.start, index.stop, index.step, value)

    def __delitem__(self, index):
        print('del', isinstance(index, slice), index.start, index.stop, index.step)


recorder = Recorder()
print(recorder[3], recorder[1:5], recorder[::2], recorder[:4], recorder[-3:])
print(recorder[1:8:3], recorder['a':'z'], recorder[:])
recorder[2:6] = 'value'
del recorder[::-1]

# A slice object seen once can be reused on real sequences.
captured = []


class Capture:
    def __getitem__(self, index):
        captured.append(index)
        return index


section = Capture()[1:8:3]
print(type(section) is slice, isinstance(section, slice), isinstance(3, slice))
for sequence in ([0, 1, 2, 3, 4, 5, 6, 7, 8], [9, 8, 7, 6, 5]):
    print(sequence[section])
middle = Capture()[2:5]
for sequence in ('abcdefghij', (9, 8, 7, 6, 5), b'0123456789', bytearray(b'xyzxyz')):
    print(sequence[middle])
print(section is captured[0], section.start + section.stop + section.step)
