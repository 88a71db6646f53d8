# Calls either side of the positional-only fast path: counts, defaults, cells, methods.
def pair(a, b):
    return (a, b)


def with_default(a, b=10):
    return a + b


none = lambda: "none"  # noqa: E731


def attempt(thunk):  # each thunk makes its call with a plain CALL_FUNCTION / CALL_METHOD
    try:
        print(thunk())
    except TypeError as error:
        print("TypeError:", error)


print(pair(1, 2), with_default(1), with_default(1, 2), none())
attempt(lambda: pair(1))
attempt(lambda: pair(1, 2, 3))
attempt(lambda: none(1))
attempt(lambda: with_default())
attempt(lambda: pair(*(1, 2)))


def counter(total):
    def add(step):
        nonlocal total
        total += step
        return total

    return add, lambda: total, lambda x, y: x * total + y


add, read, scale = counter(5)
print(add(1), add(2), read(), scale(3, 1), scale(2, -1))
attempt(lambda: add())
attempt(lambda: scale(1))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)

    def norm1(self):
        return abs(self.x) + abs(self.y)


p = Point(3, -4)
bound, move = p.norm1, p.moved
print(p.norm1(), bound(), p.moved(1).norm1(), move(1, 1).norm1(), move(-9, 2).y, Point.norm1(p))
attempt(lambda: p.norm1(1))
attempt(lambda: bound(2, 3))
fib = lambda n: n if n < 2 else fib(n - 1) + fib(n - 2)  # noqa: E731
print(fib(15), list((lambda n: (yield from range(n, 0, -1)))(3)))
