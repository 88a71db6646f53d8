# Benchmark: generator pipelines, yield from and generator expressions; stresses generator resume and iteration.
def numbers(limit):
    value = 0
    while value < limit:
        yield value
        value += 1


def squares(source):
    for value in source:
        yield value * value % 10007


def only_odd(source):
    for value in source:
        if value & 1:
            yield value


def chained(limit):
    yield from numbers(limit // 2)
    yield from squares(numbers(limit // 2))


def windows(source, size):
    window = []
    for value in source:
        window.append(value)
        if len(window) == size:
            yield sum(window)
            window.pop(0)


def running_checksum(source):
    checksum = 0
    for value in source:
        checksum = (checksum * 31 + value) % 1000003
        yield checksum


total = 0
for round_number in range(16):
    pipeline = running_checksum(windows(only_odd(squares(numbers(60000 + round_number))), 4))
    last = 0
    for last in pipeline:
        pass
    chained_sum = sum(value for value in chained(40000) if value % 3 == 0)
    total = (total + last + chained_sum) % 1000000007
print('checksum', total)
