# Prints a few lines; the C host checks load_from_mem_run() and captured output with it.
words = ["in", "place", "from", "memory"]
print("hello from xipy")
print(" ".join(word.upper() for word in words))
print(sum(len(word) for word in words), 2**70)
