# Comprehensions capturing loop variables in lambdas, and comprehensions reading enclosing locals.
multipliers = [lambda x, n=n: x * n for n in range(1, 4)]
print([m(10) for m in multipliers])
late = [lambda: n for n in range(3)]
print([f() for f in late])
def outer(scale):
    offset = 1
    return [lambda v, k=k: (v + offset) * scale * k for k in range(3)]
print([f(2) for f in outer(10)])
def filtered(threshold):
    return {name: score for name, score in [('a', 5), ('b', 9), ('c', 7)] if score > threshold}
print(sorted(filtered(6).items()))
def nested_capture():
    base = 100
    return [[base + i + j for j in range(2)] for i in range(2)]
print(nested_capture())
