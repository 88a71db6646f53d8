# startswith and endswith with tuples of prefixes and start/end bounds
name = 'module_test.py'
print(name.startswith('mod'), name.startswith('test'), name.endswith('.py'), name.endswith('.mpy'))
print(name.startswith(('x', 'mo')), name.endswith(('.c', '.h')), name.endswith(('.py', '.c')))
print(name.startswith('test', 7), name.startswith('test', 8), name.endswith('module', 0, 6))
print(''.startswith(''), 'a'.endswith(''), ''.endswith('a'))
print(name.startswith('py', -2), name.endswith('test', 0, 11))
