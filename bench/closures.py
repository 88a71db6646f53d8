# Benchmark: closures, nonlocal state, function factories and lambdas; stresses cell variables and calls.
def make_counter(step):
    count = 0

    def increment():
        nonlocal count
        count += step
        return count
    return increment


def make_adder(amount):
    return lambda value: value + amount


def compose(first, second):
    def composed(value):
        return second(first(value))
    return composed


def make_accumulator():
    history = []

    def record(value):
        history.append(value)
        if len(history) > 8:
            history.pop(0)
        return sum(history)
    return record


def run(rounds):
    counters = [make_counter(step) for step in range(1, 6)]
    adders = [make_adder(amount) for amount in range(10)]
    pipeline = compose(compose(adders[3], adders[7]), lambda value: value * 3 % 10007)
    accumulate = make_accumulator()
    checksum = 0
    for index in range(rounds):
        counter = counters[index % 5]
        value = counter()
        value = pipeline(value % 10007)
        value = adders[index % 10](value)
        checksum = (checksum * 31 + accumulate(value)) % 1000003
    return checksum, counters[0](), counters[4]()


print('result', run(450000))
