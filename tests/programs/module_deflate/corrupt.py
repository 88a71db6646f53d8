# expect: micropython 1.29
# deflate.DeflateIO on corrupt, truncated and mislabelled streams: every error is
# MicroPython's (OSError EINVAL, EOFError at the end of the source), and the constructor's
# argument checks.
import deflate
import io

small_zlib = b'x\x9c\xcb\xcdL.\xca/\xa8,\xc9\xc8\xcfS\xc8H\xcd\xc9\xc9W(\xcf/\xcaIAf\x03\x00\xfa\xc1\r\xb5'
small_raw = b'KLJN\xa4\r\xaa\xa8\xac\x02\x00'
stored = b'\x01\x0c\x00\xf3\xffstored block'

def attempt(data, *arguments):
    try:
        result = deflate.DeflateIO(io.BytesIO(data), *arguments).read()
        return "%d:%d" % (len(result), sum(result))
    except OSError as error:
        return "OSError %s" % error
    except EOFError:
        return "EOFError"


# Every truncation of each stream.
for data, format in ((small_zlib, deflate.ZLIB), (small_raw, deflate.RAW), (stored, deflate.RAW)):
    print([attempt(data[:length], format) for length in range(len(data))])

# Each byte of the stream replaced in turn, by its complement and by zero.
for data, format in ((small_zlib, deflate.AUTO), (small_raw, deflate.RAW)):
    for replacement in (None, 0):
        results = []
        for index in range(len(data)):
            byte = 255 - data[index] if replacement is None else replacement
            results.append(attempt(data[:index] + bytes([byte]) + data[index + 1 :], format))
        print(results)

# Headers: a bad method, a window above 2**15, a preset dictionary, a bad check, reserved gzip
# flags, a gzip header cut short.
for header in (b"\x78\x9c", b"\x79\x9c", b"\x88\x98", b"\x78\xbb", b"\x78\x9d", b"\x1f\x8b\x09\x00",
               b"\x1f\x8b\x08\x20", b"\x1f\x8b\x08\x00\x00", b"\x1f\x8b\x08\x08" + bytes(6) + b"abc"):
    print(header, attempt(header + small_zlib[2:]))

# Stored blocks whose length and its complement disagree; block type 3; an empty stream.
print(attempt(b"\x01\x05\x00\xfa\xfehello"), attempt(b"\x01\x05\x00\xfb\xffhello", deflate.RAW))
print(attempt(b"\x01\x05\x00\xfa\xffhello", deflate.RAW), attempt(b"\x07", deflate.RAW))
print(attempt(b"", deflate.RAW), attempt(b""), attempt(b"\x03\x00", deflate.RAW))

# After an error the stream stays broken.
stream = deflate.DeflateIO(io.BytesIO(b"\x07"), deflate.RAW)
for attempt_number in range(2):
    try:
        stream.read(1)
    except OSError as error:
        print(attempt_number, error)

# A source that is no stream.
for source in (None, 5, b"abc"):
    try:
        deflate.DeflateIO(source).read()
    except OSError as error:
        print(type(error).__name__, error)

# Constructor arguments.
for arguments in ((), (io.BytesIO(), 0, 0, False, 1), (io.BytesIO(), -1), (io.BytesIO(), 4),
                  (io.BytesIO(), 0, 4), (io.BytesIO(), 0, 16), (io.BytesIO(), 0, -1),
                  (io.BytesIO(), "a")):
    try:
        deflate.DeflateIO(*arguments)
        print("made", len(arguments))
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
try:
    deflate.DeflateIO(io.BytesIO(), format=1)
except TypeError as error:
    print(error)

# Method arguments.
valid = b"x\x9c\xcbH\xcd\xc9\xc9W(\xcf/\xcaIQ\xe0*NM\xce\xcfKQ\xc8\xc9\xccK\xe5*\xc9\xc8,J\x01\x00\xaa=\n\xf0"
for call in (
    lambda stream: stream.read(None),
    lambda stream: stream.readinto(b"abc"),
    lambda stream: stream.readinto(bytearray(4), 2),
    lambda stream: stream.readinto(memoryview(bytearray(6))),
    lambda stream: stream.readline(0),
    lambda stream: stream.__exit__(),
    lambda stream: list(stream),
):
    try:
        print(call(deflate.DeflateIO(io.BytesIO(valid))))
    except (TypeError, OSError) as error:
        print(type(error).__name__, error)
