# The standard streams print as MicroPython's io.TextIOWrapper objects with their descriptor.
import sys

print(sys.stdin, sys.stdout, sys.stderr)
print(type(sys.stdout), type(sys.stdout) is type(sys.stderr))
print(sys.stdout.write("written\n"))
