# abs on ints, floats and bools; all/any on empty, generators and mixed values
print(abs(-5), abs(5), abs(0), abs(-2.5), abs(True), abs(False))
print(abs(-(2**70)))
class Magnitude:
    def __abs__(self):
        return 42
print(abs(Magnitude()))
print(all([]), any([]))
print(all([1, 2, 3]), all([1, 0, 3]))
print(any([0, '', None]), any([0, 'x']))
print(all(x > 0 for x in range(1, 5)))
print(any(x > 3 for x in range(4)))
seen = []
def probe(value):
    seen.append(value)
    return value
print(any(probe(v) for v in [0, 0, 7, 9]), seen)
seen.clear()
print(all(probe(v) for v in [1, 0, 5]), seen)
print(all('abc'), any(''), all({0: 1}))
