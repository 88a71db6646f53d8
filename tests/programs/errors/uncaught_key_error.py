# an uncaught KeyError from a nested function call ends the program with a traceback
def lookup(table, key):
    return table[key]
def report(table):
    print('found', lookup(table, 'a'))
    print('found', lookup(table, 'b'))
report({'a': 1})
