# Recurses without end; the depth limit must raise RuntimeError, which the program catches.
def down(depth):
    return down(depth + 1) + 1


try:
    down(0)
except RuntimeError as error:
    print("RuntimeError:", error)
print("still running")
