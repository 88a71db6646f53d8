# A list of small lists that grows until the heap is full.
items = []
try:
    while True:
        items.append([len(items)])
except MemoryError:
    n = len(items)
    items = None
    print("MemoryError after", n > 0)
