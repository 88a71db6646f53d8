# sys.implementation.name is 'micropython', so programs take MicroPython's code paths
import sys
print(sys.implementation.name)
if sys.implementation.name == 'micropython':
    print('micropython branch')
print(type(sys.implementation._machine), type(sys.version))
