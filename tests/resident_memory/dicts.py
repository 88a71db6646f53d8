# A dict and a set that grow until the heap is full.
table = {}
seen = set()
try:
    n = 0
    while True:
        table[n] = str(n)
        seen.add(n * 3)
        n += 1
except MemoryError:
    table = None
    seen = None
    print("MemoryError")
