# globals() sees module names and can create them; locals() at module level
marker = 'module value'
print(globals()['marker'])
globals()['created'] = 99
print(created)
print('marker' in globals(), 'missing' in globals())
def reader():
    return globals()['marker']
print(reader())
print(locals()['marker'] == marker)
