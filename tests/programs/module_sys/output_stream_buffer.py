# sys.stdout and sys.stderr: their file descriptors and the binary FileIO streams under them.
import sys

print(sys.stdin.fileno(), sys.stdout.fileno(), sys.stderr.fileno())
print(sys.stdout.buffer.fileno(), sys.stderr.buffer.fileno())
print(sys.stdout.buffer, type(sys.stdout.buffer))
print(sys.stdout.write("text\n"))
print(sys.stdout.buffer.write(b"bytes\n"))
print(sys.stdout.buffer.write(bytearray(b"bytearray\n")))
print(sys.stdout.buffer.write(memoryview(b"memoryview\n")))
sys.stdout.buffer.flush()
try:
    sys.stdout.buffer.buffer
except AttributeError:
    print("AttributeError")
