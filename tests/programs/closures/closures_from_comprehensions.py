# Comprehensions that capture enclosing-function variables and create closures themselves.
def scaled(values, factor):
    return [v * factor for v in values]
print(scaled([1, 2, 3], 10))
def nested(limit):
    offset = 100
    return [[row + column + offset for column in range(limit)] for row in range(limit)]
print(nested(2))
def adders():
    return {name: (lambda x, step=step: x + step) for name, step in [('one', 1), ('ten', 10)]}
table = adders()
print(table['one'](5), table['ten'](5))
def generator_capture(word):
    return ''.join(ch.upper() if ch in word[:2] else ch for ch in word)
print(generator_capture('banana'))
