# Ends with an uncaught KeyError removing a missing member from a set.
active = {'alpha', 'beta'}

def deactivate(name):
    active.remove(name)
    return len(active)

print(deactivate('alpha'))
print(deactivate('gamma'))
