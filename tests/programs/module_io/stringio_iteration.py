# io.StringIO as a line source: readline until empty, tell, and writing after seeking
import io
stream = io.StringIO('alpha\nbeta\ngamma\n')
lines = []
while True:
    line = stream.readline()
    if not line:
        break
    lines.append(line.strip())
print(lines, stream.tell())
stream.seek(0)
stream.write('ALPHA')
print(repr(stream.getvalue()))
empty = io.StringIO()
print(repr(empty.read()), repr(empty.getvalue()), empty.tell())
