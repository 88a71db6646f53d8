# an uncaught IndexError raised inside a list comprehension and a helper function
def pick(items, index):
    return items[index]
data = [10, 20, 30]
print([pick(data, index) for index in range(3)])
print([pick(data, index) for index in range(4)])
