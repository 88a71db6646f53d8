# Recurses without end and does not catch the RuntimeError; the host gets it back.
def down(depth):
    return down(depth + 1) + 1


down(0)
