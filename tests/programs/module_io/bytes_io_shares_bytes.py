# expect: micropython 1.29
# BytesIO over bytes reads the bytes without copying them, and copies them at its first write
import io
import micropython

# Large enough that a copy would stand out from the lookups' own side tables made meanwhile.
data = b'1234' * 256
before = micropython.mem_total()
stream = io.BytesIO(data)
print(micropython.mem_total() - before < len(data))
print(stream.read(3), stream.read(2))
stream.seek(2)
stream.write(b'xy')
print(stream.getvalue()[:8], data[:8])
stream.seek(0, 2)
stream.write(b'!')
print(len(stream.getvalue()), stream.getvalue()[-3:])
empty = io.BytesIO(b'')
empty.write(b'ab')
print(empty.getvalue(), io.BytesIO(b'xyz').read())
