# micropython.RingIO: a byte ring of a given size or over a writable buffer, read by
# size, line or into a buffer; writes stop when it is full.
import micropython
ring = micropython.RingIO(8)
print(ring.write(b"ab\ncd\nef"), ring.any())
print(ring.readline(), ring.readline(2), ring.readline())
target = bytearray(4)
ring.write(b"xyz")
print(ring.readinto(target), target)
ring.write(b"12345")
print(ring.readinto(target, 2), target, ring.read(0), ring.read(-1))
print(ring.close(), ring.any())
for make in (lambda: micropython.RingIO(-1), lambda: micropython.RingIO(b"abc")):
    try:
        print(make())
    except Exception as error:
        print(type(error).__name__)
print(micropython.RingIO(1))
ring = micropython.RingIO(bytearray(3))
print(ring.write(b"abcd"), ring.read())
