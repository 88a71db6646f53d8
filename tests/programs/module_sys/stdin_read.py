# expect: micropython 1.29
# sys.stdin reads the program's standard input (stdin_read.in): lines, counts, iteration.
import sys

print(sys.stdin, type(sys.stdin).__name__, sys.stdin.fileno())
print(repr(sys.stdin.readline()))
# read(n) counts characters, readline(n) bytes.
print(repr(sys.stdin.read(3)), repr(sys.stdin.read(2)), repr(sys.stdin.readline()))
print(repr(sys.stdin.readline(4)), repr(sys.stdin.readline()))
for line in sys.stdin:
    print('line', repr(line))
    if line.startswith('stop'):
        break
print(sys.stdin.readlines()[:2])
print(repr(sys.stdin.read(0)), repr(sys.stdin.read()), repr(sys.stdin.readline()))
print(sys.stdin.readlines(), list(sys.stdin))
with sys.stdin as stream:
    print(stream is sys.stdin)
for call in (sys.stdin.read, sys.stdin.readline, sys.stdin.readlines):
    try:
        call()
    except ValueError as error:
        print('ValueError:', error)
