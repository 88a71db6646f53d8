# print with sep, end, file=sys.stdout, no arguments and non-string items
import sys
print('a', 'b', 'c', sep='-')
print('no newline', end='|')
print('after')
print(1, 2, sep='')
print('x', 'y', sep=', ', end='.\n')
print()
print('to stdout', file=sys.stdout)
print(None, True, 1.5, [1, 'a'], (2,), sep=' / ')
print('', end='')
print('last', 'line', sep='\n', end='!\n')
