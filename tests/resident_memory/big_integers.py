# Big integers that outgrow the heap.
value = 7
try:
    while True:
        value = value * value
except MemoryError:
    value = None
    print("MemoryError")
