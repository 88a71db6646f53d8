# Closures over several enclosing levels, cells shared between sibling closures.
def outer():
    a = 1
    def middle():
        b = 2
        def inner():
            return a + b
        return inner
    return middle()
print(outer()())
def shared():
    state = []
    def push(item):
        state.append(item)
    def pop():
        return state.pop()
    def size():
        return len(state)
    return push, pop, size
push, pop, size = shared()
push('x'); push('y')
print(size(), pop(), size())
def three_levels():
    x = 'outer'
    def level2():
        nonlocal x
        x = 'changed by level2'
        def level3():
            nonlocal x
            x = x + ' and level3'
        level3()
    level2()
    return x
print(three_levels())
def parameter_cell(value):
    def get():
        return value
    def set(new):
        nonlocal value
        value = new
    return get, set
get, set_value = parameter_cell(3)
set_value(9)
print(get())
