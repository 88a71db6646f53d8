# next() on generators, including exhausted ones and defaults
def numbers():
    yield 1
    yield 2
generator = numbers()
print(next(generator), next(generator), next(generator, None), next(generator, 'again'))
squares = (x * x for x in range(3))
print(next(squares), list(squares), next(squares, -1))
