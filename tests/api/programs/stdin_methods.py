# Reads standard input through each of sys.stdin's methods; limits_test's host interrupts
# every read, and each must raise KeyboardInterrupt rather than return what was read so far.
import sys

for name, read in (
    ("read", sys.stdin.read),
    ("readline", sys.stdin.readline),
    ("buffer.read", sys.stdin.buffer.read),
):
    try:
        read()
        print(name, "returned")
    except KeyboardInterrupt:
        print(name, "interrupted")
