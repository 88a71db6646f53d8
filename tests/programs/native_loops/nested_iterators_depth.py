# Deeply nested native iterators (each one pulling from the next) end in RuntimeError, not a crash.
def nest(wrap, depth):
    x = [1, 2, 3]
    for _ in range(depth):
        x = wrap(x)
    return x


for name, wrap in [
    ("enumerate", enumerate),
    ("filter", lambda x: filter(None, x)),
    ("map", lambda x: map(abs, x)),
    ("zip", zip),
    ("map of a Python function", lambda x: map(lambda v: v, x)),
]:
    # A shallow nest still works.
    print(name, len(list(nest(wrap, 20))))
    try:
        list(nest(wrap, 400))
        print(name, "no error")
    except RuntimeError:
        print(name, "RuntimeError")
