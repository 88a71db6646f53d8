# Builds ever longer strings and bytes until the heap is full.
parts = []
size = 1024
try:
    while True:
        parts.append("x" * size)
        parts.append(bytes(size))
        size *= 2
except MemoryError:
    parts = None
    print("MemoryError")
