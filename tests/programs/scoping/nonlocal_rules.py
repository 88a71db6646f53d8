# nonlocal reaches the nearest enclosing function scope; assignments without it stay local.
def outer():
    x = 'outer'
    def assign_local():
        x = 'local only'
        return x
    def assign_nonlocal():
        nonlocal x
        x = 'rebound'
    print(assign_local(), x)
    assign_nonlocal()
    print(x)
outer()
def skip_level():
    target = 0
    def middle():
        def inner():
            nonlocal target
            target += 5
        inner()
        inner()
    middle()
    return target
print(skip_level())
def loop_nonlocal():
    total = 0
    def add(values):
        nonlocal total
        for v in values:
            total += v
    add([1, 2, 3])
    add(range(4))
    return total
print(loop_nonlocal())
def shadowing_in_between():
    name = 'outermost'
    def middle():
        name = 'middle'
        def inner():
            nonlocal name
            name = 'changed middle'
        inner()
        return name
    return middle(), name
print(shadowing_in_between())
