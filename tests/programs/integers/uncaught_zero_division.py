# Ends with an uncaught ZeroDivisionError raised two calls deep.
def ratio(a, b):
    return a // b

def average(values):
    return ratio(sum(values), len(values))

print(average([4, 8, 12]))
print(average([]))
print('not reached')
