# CPU-bound work for the many-VM and thread tests: a fixed amount of arithmetic and calls.
def step(value):
    return (value * 1103515245 + 12345) % 2147483648


total = 0
value = 1
for _ in range(20000):
    value = step(value)
    total += value & 0xFF
result = total
