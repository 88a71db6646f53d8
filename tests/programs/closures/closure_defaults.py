# Closures that also have default arguments (closure with default args) and keyword defaults.
def make_formatter(prefix):
    def format_value(value, suffix='!', *, upper=False):
        text = prefix + str(value) + suffix
        return text.upper() if upper else text
    return format_value
formatter = make_formatter('id-')
print(formatter(1), formatter(2, '?'), formatter('x', upper=True))
def make_scaler(factor):
    return lambda value, offset=0: value * factor + offset
scale = make_scaler(3)
print(scale(2), scale(2, 1))
def make_many(base):
    def combine(a=1, b=2, *rest, key=None, **extra):
        return base + a + b + sum(rest), key, sorted(extra)
    return combine
combine = make_many(100)
print(combine(), combine(10, 20, 30, key='k', z=1))
