# readinto(buffer, n) and the write(buffer, n) / write(buffer, offset, n) forms.
import io

source = io.BytesIO(b"0123456789")
buffer = bytearray(6)
print(source.readinto(buffer, 4), buffer)
print(source.readinto(buffer, 100), buffer)
print(source.readinto(buffer, 0), source.readinto(buffer), buffer)

sink = io.BytesIO()
print(sink.write(b"abcdef", 2), sink.getvalue())
print(sink.write(b"abcdef", 100), sink.getvalue())
print(sink.write(b"abcdef", 1, 3), sink.getvalue())
print(sink.write(b"abcdef", 4, 100), sink.getvalue())
print(sink.write(b"abcdef", 100, 1), sink.getvalue())
words = io.StringIO()
print(words.write("hello", 3), words.getvalue())
