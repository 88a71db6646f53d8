# Benchmark: dict- and list-heavy work (counting, grouping, sorting, set algebra); stresses hashing and containers.
def generate(count, seed):
    values = []
    state = seed
    for index in range(count):
        # A small linear congruential generator keeps every value a small int on 32-bit targets too.
        state = (state * 75 + 74) % 65537
        values.append(state % 5000)
    return values


def analyse(values):
    counts = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    groups = {}
    for value in values:
        key = value % 97
        if key in groups:
            groups[key].append(value)
        else:
            groups[key] = [value]
    largest = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:10]
    group_sums = [sum(groups[key]) % 1000003 for key in sorted(groups)]
    evens = set(value for value in values if value % 2 == 0)
    threes = set(value for value in values if value % 3 == 0)
    pairs = {}
    for index in range(len(values) - 1):
        pair = values[index] % 50 * 50 + values[index + 1] % 50
        pairs[pair] = pairs.get(pair, 0) + 1
    checksum = 0
    for value, count in largest:
        checksum = (checksum * 31 + value * count) % 1000003
    for total in group_sums:
        checksum = (checksum * 7 + total) % 1000003
    checksum = (checksum + len(evens & threes) + 3 * len(evens | threes) + len(evens - threes)) % 1000003
    checksum = (checksum + len(pairs) + max(pairs.values())) % 1000003
    return checksum


result = 0
for seed in range(1, 61):
    values = generate(20000, seed)
    result = (result * 1000 + analyse(values)) % 1000000007
print('checksum', result)
