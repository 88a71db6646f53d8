# Without input, sys.stdin is at end of file at once; reading the rest at once.
import sys

print(repr(sys.stdin.read()), repr(sys.stdin.read(5)), repr(sys.stdin.readline()))
print(sys.stdin.readlines(), [line for line in sys.stdin])
try:
    next(sys.stdin)
except StopIteration:
    print('StopIteration')
sys.stdin.close()
sys.stdin.close()
try:
    next(iter(sys.stdin))
except ValueError as error:
    print('ValueError:', error)
