# slice objects made by subscripts: attributes, negative steps and extended slicing
class Recorder:
    def __getitem__(self, item):
        return item
cut = Recorder()[1:5:2]
print(type(cut).__name__, cut.start, cut.stop, cut.step)
letters = 'abcdefgh'
print([0, 1, 2, 3, 4, 5][cut], (9, 8, 7, 6)[1:3], letters[1:5])
open_ended = Recorder()[:3]
print(open_ended.start, open_ended.stop, open_ended.step)
print(list(range(10))[open_ended], letters[open_ended])
print(list(range(10))[::-3], list(range(10))[::-2], list(range(10))[7:2:-1])
print(Recorder()[1:2, 3])
print(letters[-3:], letters[:-3], letters[100:], letters[-100:2])

