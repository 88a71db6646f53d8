# expect: micropython 1.29
# websocket: frames read across partial and non-blocking reads, lines, readinto, control
# frames, writes of each header size, options and the errors of a bad stream.
import io
import errno
import websocket


# A stream that hands out at most `step` bytes per read and None (nothing yet) every other call.
class Trickle(io.IOBase):
    def __init__(self, data, step):
        self.data = data
        self.step = step
        self.starved = False
        self.written = b""
        self.blocking = []

    def read(self, size):
        self.starved = not self.starved
        if self.starved:
            return None
        chunk = self.data[: min(size, self.step)]
        self.data = self.data[len(chunk) :]
        return chunk

    def readinto(self, buffer):
        data = self.read(len(buffer))
        if data is None:
            return None
        buffer[: len(data)] = data
        return len(data)

    def write(self, data):
        self.written += bytes(data)
        return len(data)

    def setblocking(self, flag):
        self.blocking.append(flag)

    def ioctl(self, request, argument):
        return 0


def frames(*payloads):
    out = b""
    for payload in payloads:
        out += bytes((0x81, len(payload))) + payload
    return out


# Non-blocking: None until a whole read's worth has arrived, then the data.
ws = websocket.websocket(Trickle(frames(b"hello", b"world"), 3))
results = []
for _ in range(20):
    got = ws.read(4)
    results.append(got)
    if got == b"":
        break
print(results)

# readline() across frames, then readinto() with and without a size.
ws = websocket.websocket(io.BytesIO(frames(b"one\ntw", b"o\nthree")))
print(ws.readline(), ws.readline(), ws.readline(), ws.readline())
ws = websocket.websocket(io.BytesIO(frames(b"abcdef", b"ghij")))
buffer = bytearray(4)
print(ws.readinto(buffer), buffer)
print(ws.readinto(buffer, 2), buffer)
print(ws.read())
print(ws.read())

# A ping with a payload is skipped once read whole; its type shows in ioctl(8).
ws = websocket.websocket(io.BytesIO(b"\x89\x02hi" + frames(b"data")))
print(ws.read(4), ws.ioctl(8))
ws = websocket.websocket(io.BytesIO(b"\x82\x03bin"))
print(ws.read(3), ws.ioctl(8))

# Masked frames with a 16-bit length, read in odd sizes so the mask position carries over.
payload = bytes(range(200))
mask = b"\x01\x02\x04\x08"
masked = bytes(byte ^ mask[index & 3] for index, byte in enumerate(payload))
ws = websocket.websocket(io.BytesIO(b"\x82\xfe\x00\xc8" + mask + masked))
parts = [ws.read(7), ws.read(50), ws.read(1000)]
print([len(part) for part in parts], b"".join(parts) == payload)

# Writes: each header size, a str, a binary frame, the blocking-write switch.
for size in (0, 125, 126, 65535):
    stream = io.BytesIO()
    websocket.websocket(stream).write(b"x" * size)
    print(size, stream.getvalue()[:4], len(stream.getvalue()))
stream = io.BytesIO()
ws = websocket.websocket(stream)
print(ws.write("text"), ws.ioctl(9, 2), ws.write(b"\x00\xff"), stream.getvalue())
trickle = Trickle(b"", 1)
ws = websocket.websocket(trickle, True)
ws.write(b"ab")
print(trickle.written, trickle.blocking)
for size in (65536, 100000):
    try:
        websocket.websocket(io.BytesIO()).write(bytes(size))
    except OSError as error:
        print(size, error.errno == errno.ENOBUFS)

# A close frame with a payload is answered after the payload is read.
stream = io.BytesIO(b"\x88\x02\x03\xe8")
ws = websocket.websocket(stream)
print(ws.read(10), stream.getvalue())

# The end of the stream in the middle of a header or a payload.
print(websocket.websocket(io.BytesIO(b"\x81")).read(4))
print(websocket.websocket(io.BytesIO(b"\x81\x08abc")).read(8))

# close() closes the stream underneath.
stream = io.BytesIO()
websocket.websocket(stream).close()
try:
    stream.read()
except ValueError as error:
    print("closed:", error)

# The u-prefixed name gives the same class.
import uwebsocket

print(uwebsocket.websocket is websocket.websocket)

# ioctl requests the websocket does not know.
for request in (0, 3, 10):
    try:
        websocket.websocket(io.BytesIO()).ioctl(request)
    except OSError as error:
        print(request, error.errno == errno.EINVAL)
