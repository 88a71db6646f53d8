# random with a fixed seed reproduces MicroPython's PRNG sequence for every function
import random
random.seed(42)
print([random.getrandbits(8) for _ in range(5)])
print(random.getrandbits(32), random.getrandbits(1))
print([random.randrange(10) for _ in range(5)], random.randrange(5, 10), random.randrange(0, 100, 7))
print([random.randint(1, 6) for _ in range(6)])
print(random.choice('abcdef'), random.choice([10, 20, 30]))
print(random.random(), random.uniform(1, 2))
random.seed(42)
print(random.getrandbits(8))
