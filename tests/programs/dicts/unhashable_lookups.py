# Lookups of unhashable keys: an empty dict or set with no table answers "absent" without
# hashing, one that has a table hashes (and raises), and OrderedDict finds keys by equality.
from collections import OrderedDict


def attempt(label, action):
    try:
        print(label, action())
    except Exception as error:
        print(label, type(error).__name__, error.args)


class Slicer:
    def __getitem__(self, index):
        return index


attempt("empty subscript", lambda: {}[[1]])
attempt("empty get", lambda: {}.get([1]))
attempt("empty pop default", lambda: {}.pop([1], "default"))
attempt("empty in", lambda: [1] in {})
attempt("dict() slice", lambda: dict()[Slicer()[:]])
attempt("empty set in", lambda: [1] in set())
attempt("empty set discard", lambda: set().discard([1]))
attempt("empty setdefault", lambda: {}.setdefault([1]))
attempt("empty store", lambda: {}.__setitem__([1], 2))

emptied = {1: 2}
del emptied[1]
attempt("emptied get", lambda: emptied.get([1]))
cleared = {1: 2}
cleared.clear()
attempt("cleared get", lambda: cleared.get([1]))
attempt("filled get", lambda: {1: 2}.get([1]))
emptied_set = {1}
emptied_set.remove(1)
attempt("emptied set in", lambda: [1] in emptied_set)

ordered = OrderedDict()
attempt("ordered empty in", lambda: [1] in ordered)
ordered[[1]] = "list"
key = Slicer()[1:"a"]
ordered[key] = "slice"
ordered["b"] = "str"
ordered[2] = "int"
print(ordered)
print(ordered[[1]], ordered[key], [1] in ordered, [2] in ordered, ordered.get({}))
ordered[[1]] = "list again"
ordered[2.0] = "float"
ordered[True] = "bool"
print(list(ordered.keys()), list(ordered.values()))
del ordered[[1]]
print(ordered)
attempt("ordered pop missing", lambda: ordered.pop([3]))
attempt("ordered subscript missing", lambda: ordered[[3]])
print(ordered.pop(key), ordered)
attempt("ordered to dict", lambda: dict(OrderedDict([([1], 2)])))
