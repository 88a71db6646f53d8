# Uncaught exception at the bottom of a short recursion; every recursive frame appears.
def countdown(n):
    if n == 0:
        raise IndexError('reached zero')
    return countdown(n - 1)
countdown(4)
