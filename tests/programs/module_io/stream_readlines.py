# expect: cpython
# readlines() of a memory stream: the remaining lines, each with its newline.
import io

text = io.StringIO("one\ntwo\n\nthree")
print(text.readline())
print(text.readlines())
print(text.readlines())
print(io.BytesIO(b"a\nb\n").readlines())
print(io.BytesIO(b"").readlines())
