# Nested function definitions, inner functions with defaults and calling inner helpers.
def outer(x):
    def helper(y, scale=2):
        return y * scale
    def combine(a, b=10):
        return helper(a) + helper(b, 1)
    return combine(x)
print(outer(5))
def builder():
    parts = []
    def add(part):
        parts.append(part)
        return add
    add('a')('b')('c')
    return ''.join(parts)
print(builder())
def level1():
    def level2():
        def level3():
            return 'deep'
        return level3() + '2'
    return level2() + '1'
print(level1())
def defaults_from_outer(base):
    def inner(value=base * 2):
        return value
    return inner
print(defaults_from_outer(4)(), defaults_from_outer(4)(1))
