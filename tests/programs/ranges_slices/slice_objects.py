# Slice objects delivered to __getitem__: start, stop, step attributes, repr and indices().
class Recorder:
    def __getitem__(self, key):
        return key

recorder = Recorder()
for part in [recorder[1:10:2], recorder[:5], recorder[::-1], recorder[2:], recorder[-3:-1], recorder['a':'b']]:
    print(part, part.start, part.stop, part.step)
for part in [recorder[1:10:2], recorder[:], recorder[::-1], recorder[-3:], recorder[5:100], recorder[-100:3], recorder[::3]]:
    print(part, part.indices(10), part.indices(0))
print(recorder[1:2, 3], recorder[::])
data = list(range(10))
part = recorder[2:9:3]
print(data[part], data[recorder[::-2]], 'abcdef'[recorder[1:4]])
