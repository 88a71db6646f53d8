# __import__ returns module objects; __build_class__ exists; import statement forms
math_module = __import__('math')
print(type(math_module).__name__, math_module.floor(2.7))
import sys as system
print(system is __import__('sys'))
from math import sqrt, pi
print(sqrt(16.0), pi > 3)
print(callable(__build_class__))
try:
    __import__('no_such_module_here')
except ImportError as error:
    print(type(error).__name__)
