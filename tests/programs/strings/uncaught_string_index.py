# Ends with an uncaught IndexError from indexing past the end of a string in a helper.
def initials(names):
    return ''.join(name[0] for name in names)

print(initials(['Ada', 'Bob', 'Cy']))
print(initials(['Dee', '', 'Eve']))
