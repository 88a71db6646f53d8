# Ends with an uncaught OverflowError converting an infinite float to an int.
def truncate(value):
    return int(value * 1e300)

print(truncate(3))
print(truncate(2**80))
