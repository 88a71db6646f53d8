# An exception inside a with-block propagates after __exit__ runs.
class Timer:
    def __enter__(self):
        print('start')
        return self
    def __exit__(self, kind, value, traceback):
        print('stop', kind.__name__)
def work():
    with Timer():
        [1, 2, 3][10]
work()
