# random results stay within their bounds, and invalid ranges raise errors
import random
random.seed(7)
samples = [random.randint(-3, 3) for _ in range(200)]
print(min(samples), max(samples), len(set(samples)))
floats = [random.random() for _ in range(100)]
print(all(0 <= value < 1 for value in floats))
print(all(5 <= random.uniform(5, 6) <= 6 for _ in range(50)))
print(random.randrange(1, 2), random.randint(9, 9))
for attempt in [lambda: random.randrange(0), lambda: random.randint(3, 1), lambda: random.choice([])]:
    try:
        attempt()
    except (ValueError, IndexError) as error:
        print(type(error).__name__, error)
