# Deep recursion: the stacks grow until the depth limit or the heap stops them.
def down(n):
    return down(n + 1) + 1

try:
    down(0)
except (RuntimeError, MemoryError) as error:
    print(type(error).__name__)
