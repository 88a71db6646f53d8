# Uncaught exception at module level after some output, from an operator on bad types.
values = [1, 2, 3]
print('sum', sum(values))
label = 'total: ' + sum(values)
print('not reached', label)
