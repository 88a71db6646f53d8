# BytesIO reads and writes bytes and buffers; readinto fills a bytearray
import io
b = io.BytesIO(b"0123456789")
print(b.read(3), b.read(0), b.tell())
target = bytearray(4)
print(b.readinto(target), target, b.tell())
b.seek(0, 2)
print(b.write(b"AB"), b.write(bytearray(b"C")), b.getvalue())
b.seek(2)
b.write(b"xy")
print(b.getvalue(), b.read())
with io.BytesIO() as stream:
    stream.write(b"in with")
    print(stream.getvalue())
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
