# random with a fixed seed gives the reference's exact sequence.
import random

random.seed(42)
print([random.getrandbits(bits) for bits in [0, 1, 8, 16, 31, 32]])
print([random.randrange(10) for _ in range(10)])
print([random.randrange(5, 50) for _ in range(5)], random.randrange(5, 50, 7), random.randrange(50, 5, -3))
print([random.randint(1, 6) for _ in range(10)])
print(random.choice('abcdef'), random.choice([1, 2, 3]), random.choice((None, True)))
print(random.random(), random.random())
print(random.uniform(2, 5), random.uniform(-1.5, 1.5), random.uniform(3, 3))
random.seed(42)
first = [random.getrandbits(32) for _ in range(5)]
random.seed(42)
print(first == [random.getrandbits(32) for _ in range(5)])
