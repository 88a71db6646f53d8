# Allocates forever; the heap limit must turn into a MemoryError the program can catch.
chunks = []
try:
    while True:
        chunks.append(bytearray(4096))
except MemoryError:
    count = len(chunks)
    chunks = None
    print("MemoryError caught", count > 0)
