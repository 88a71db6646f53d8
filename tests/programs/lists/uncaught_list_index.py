# Ends with an uncaught IndexError from popping an empty list in a loop.
stack = [1, 2]
def drain(count):
    total = 0
    for step in range(count):
        total += stack.pop()
    return total

print(drain(2))
print(drain(1))
