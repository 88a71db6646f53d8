# Ends with an uncaught IndexError indexing past the end of a range.
steps = range(0, 50, 10)

def step_at(position):
    return steps[position]

print(step_at(4), step_at(-5))
print(step_at(5))
