# io.BytesIO writing bytes, reading back, seeking with whence and overwriting
import io
stream = io.BytesIO()
stream.write(b'abcdef')
stream.seek(2)
stream.write(b'XY')
print(stream.getvalue())
stream.seek(0)
print(stream.read(3), stream.read())
print(stream.seek(-2, 2), stream.read(), stream.tell())
source = io.BytesIO(b'first\nsecond\n')
print(source.readline(), source.readline(), source.readline())
try:
    io.BytesIO().write('text')
except TypeError:
    print('TypeError writing str to BytesIO')
