# The reference's errors for empty ranges, bad bit counts and empty sequences.
import random

random.seed(7)
calls = [
    (random.randrange, (0,)),
    (random.randrange, (-5,)),
    (random.randrange, (5, 5)),
    (random.randrange, (5, 1)),
    (random.randrange, (1, 10, 0)),
    (random.randrange, (1, 10, -1)),
    (random.randint, (3, 1)),
    (random.getrandbits, (33,)),
    (random.getrandbits, (-1,)),
    (random.choice, ([],)),
    (random.choice, ('',)),
    (random.randrange, (2**40,)),
    (random.randrange, ('5',)),
    (random.uniform, ('a', 1)),
]
for function, arguments in calls:
    try:
        print(function(*arguments))
    except Exception as error:
        print(type(error).__name__, repr(error.args))
print(random.randrange(1, 10, 4), random.randrange(10, 1, -4), random.randint(-2, -2))
