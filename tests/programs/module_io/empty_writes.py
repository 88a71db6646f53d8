# Writes of nothing to new and used memory streams, in every form write takes.
import io

for stream in (io.BytesIO(), io.StringIO()):
    empty = b"" if isinstance(stream, io.BytesIO) else ""
    text = b"abcdef" if isinstance(stream, io.BytesIO) else "abcdef"
    print(stream.write(empty), stream.getvalue(), stream.tell())
    try:
        print(stream.write(text, 0), stream.getvalue(), stream.tell())
        print(stream.write(text, 0, 0), stream.getvalue(), stream.tell())
    except TypeError as error:
        print('TypeError', error)
    print(stream.write(text), stream.write(empty), stream.getvalue(), stream.tell())

fresh = io.BytesIO()
print(fresh.write(b"xyz", 0), fresh.getvalue(), fresh.tell())
fresh.seek(4)
print(fresh.write(b""), fresh.getvalue(), fresh.tell())
print(fresh.write(b"!"), fresh.getvalue(), fresh.tell())
