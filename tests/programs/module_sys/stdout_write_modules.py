# sys.stdout.write, the sys.modules registry and print_exception to stdout
import sys
count = sys.stdout.write('written directly\n')
print(count)
import math
print(type(sys.modules).__name__, 'no_such_module' in sys.modules)
try:
    raise ValueError('shown through print_exception')
except ValueError as error:
    sys.print_exception(error, sys.stdout)
