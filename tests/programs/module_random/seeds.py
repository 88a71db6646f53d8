# random.seed truncates its argument to 32 bits; seed() without one still works.
import random

for seed in [0, 1, -1, 2**32 - 1, 2**40 + 7, 123456789, True]:
    random.seed(seed)
    print(seed, random.getrandbits(16), random.randrange(1000), random.random())
random.seed()
print(0 <= random.random() < 1)
random.seed(None)
value = random.randint(-3, 3)
print(-3 <= value <= 3)
try:
    random.seed(1.5)
except TypeError as error:
    print('TypeError', error)
