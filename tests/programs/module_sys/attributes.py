# sys attributes exist with the right types; values that differ between hosts are not printed
import sys
print(type(sys.argv).__name__, type(sys.path).__name__, type(sys.modules).__name__)
print(type(sys.version).__name__, type(sys.version_info).__name__, len(sys.version_info) >= 3)
print(sys.version_info[0], type(sys.version_info[1]).__name__)
print(sys.byteorder in ('little', 'big'), type(sys.platform).__name__)
print(sys.maxsize > 2**30, type(sys.maxsize).__name__, sys.maxsize + 1 > sys.maxsize)
print(hasattr(sys.stdout, 'write'), hasattr(sys.stdin, 'read'), hasattr(sys.stderr, 'write'))
print(callable(sys.exit), callable(sys.print_exception))
