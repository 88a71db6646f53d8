# Containers nested far deeper than the native recursion bound: each operation that walks
# them recursively in C++ must raise RuntimeError instead of overflowing the C stack.
def check(label, action):
    try:
        action()
        print(label, "ok")
    except RuntimeError as error:
        print(label, "RuntimeError", error)


def nest(make, depth):
    value = make(None)
    for _ in range(depth):
        value = make(value)
    return value


deep_list = nest(lambda inner: [inner], 3000)
other_list = nest(lambda inner: [inner], 3000)
deep_tuple = nest(lambda inner: (inner,), 3000)
deep_dict = nest(lambda inner: {1: inner}, 3000)
other_dict = nest(lambda inner: {1: inner}, 3000)
check("repr list", lambda: repr(deep_list))
check("str list", lambda: str(deep_list))
check("list ==", lambda: deep_list == other_list)
check("list <", lambda: deep_list < other_list)
check("hash tuple", lambda: hash(deep_tuple))
check("repr dict", lambda: repr(deep_dict))
check("dict ==", lambda: deep_dict == other_dict)
check("sorted", lambda: sorted([deep_list, other_list]))
check("shallow", lambda: repr(nest(lambda inner: [inner], 5)))
