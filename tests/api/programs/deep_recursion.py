# Recursion as deep as sys.argv[1] asks: the stacks must grow on demand to reach it.
import sys


def down(depth):
    return depth if depth == 0 else down(depth - 1) + 1


target = int(sys.argv[1])
try:
    print("reached", down(target))
except MemoryError:
    print("MemoryError")
except RuntimeError as error:
    print("RuntimeError:", error)
