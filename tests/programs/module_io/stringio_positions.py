# expect: micropython 1.29
# StringIO positions count bytes, reads count characters, writes past the end pad with NULs
import io
s = io.StringIO("h\u00e9llo\nw\u00f6rld\n")
print(s.read(2), s.tell())
print(repr(s.readline()), s.tell())
print(repr(s.readline(3)), repr(s.read()))
print(s.seek(0), s.seek(3, 1), s.seek(-2, 2))
s.seek(30)
print(s.write("!"), len(s.getvalue()), repr(s.getvalue()[-3:]))
lines = io.StringIO("a\nb\n\nc")
print([line for line in lines])
t = io.StringIO()
print("x", 1, sep="-", end=";", file=t)
print(repr(t.getvalue()))
t.close()
for operation in (t.getvalue, t.read, t.tell):
    try:
        operation()
    except ValueError as error:
        print(error)
