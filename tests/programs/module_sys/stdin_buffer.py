# sys.stdin.buffer reads bytes from the same input as sys.stdin (stdin_buffer.in).
import sys

stream = sys.stdin.buffer
print(stream, stream is sys.stdin.buffer, type(stream).__name__, stream.fileno())
# Bytes are counted as bytes, even inside a UTF-8 character.
print(stream.readline(), stream.read(3), stream.read(2))
print(repr(sys.stdin.readline()))
print(stream.readline(3), stream.readline())
for line in stream:
    print('line', line)
    if line.startswith(b'stop'):
        break
print(stream.readlines(), stream.read(), stream.readline(), list(stream))
stream.close()
try:
    stream.read()
except ValueError as error:
    print('ValueError:', error)
