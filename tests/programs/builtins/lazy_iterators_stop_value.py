# enumerate, map and zip pass on the StopIteration their source raises, value and all; loops
# over them still just end.
class Source:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration("done", 7)


for name, make in (
    ("enumerate", lambda: enumerate(Source())),
    ("map", lambda: map(abs, Source())),
    ("zip", lambda: zip([1, 2], Source())),
):
    try:
        next(make())
        print(name, "gave an item")
    except StopIteration as stop:
        print(name, stop.args)
    print(name, list(make()))
