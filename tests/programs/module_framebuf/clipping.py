# expect: micropython 1.29
# framebuf clips every drawing call to its grid, whatever the coordinates; a buffer too small
# for the grid, a bad format or a bad blit source is refused with MicroPython's errors.
import framebuf


def show(frame, width, height):
    for y in range(height):
        print("".join("#" if frame.pixel(x, y) else "." for x in range(width)))


memory = bytearray(8 * 2)
frame = framebuf.FrameBuffer(memory, 16, 8, framebuf.MONO_HLSB)
frame.fill_rect(-5, -5, 8, 8, 1)
frame.fill_rect(14, 6, 100, 100, 1)
frame.hline(-1000, 4, 2000, 1)
frame.vline(10, -3, 1000, 1)
frame.line(-50, -40, 60, 70, 1)
frame.line(3000, 0, -3000, 7, 1)
frame.rect(-2, -2, 30, 30, 1)
frame.ellipse(8, 4, 1000, 3, 1)
frame.ellipse(-100, -100, 5, 5, 1, True)
frame.text("clip", 13, -3, 1)
frame.text("", 0, 0, 1)
frame.poly(-3, 5, bytes([0, 0, 40, 1, 20, 30]), 1, True)
frame.scroll(15, 0)
frame.scroll(-16, 3)
frame.scroll(2, 1 << 50)
show(frame, 16, 8)
print(frame.pixel(-1, 0), frame.pixel(0, 8), frame.pixel(16, 0), frame.pixel(1 << 40, 0))
frame.pixel(100, 100, 1)
frame.pixel(-1, -1, 1)
print(memory.hex())

# Blits that fall partly or wholly outside the target.
small = framebuf.FrameBuffer(bytearray(9), 3, 3, framebuf.GS8)
small.fill(7)
big = framebuf.FrameBuffer(bytearray(16), 4, 4, framebuf.GS8)
for x, y in ((-2, -2), (3, 3), (4, 0), (0, -3), (-3, 0), (1, 1)):
    big.fill(0)
    big.blit(small, x, y)
    print(x, y, bytes(big).hex())


def attempt(*arguments):
    try:
        framebuf.FrameBuffer(*arguments)
        print("made")
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)


# Too small for each format (one byte short), then just enough.
for number, width, height, needed in (
    (framebuf.MONO_VLSB, 5, 9, 10),
    (framebuf.MONO_HLSB, 9, 3, 6),
    (framebuf.MONO_HMSB, 16, 2, 4),
    (framebuf.RGB565, 3, 3, 18),
    (framebuf.GS2_HMSB, 5, 2, 4),
    (framebuf.GS4_HMSB, 3, 3, 6),
    (framebuf.GS8, 4, 4, 16),
):
    attempt(bytearray(needed - 1), width, height, number)
    attempt(bytearray(needed), width, height, number)
attempt(bytearray(100), 8, 8, framebuf.GS8, 20)
attempt(bytearray(64), 8, 8, 7)
attempt(bytearray(64), 0, 8, 7)
attempt(bytearray(64), 8, -1, framebuf.GS8)
attempt(bytearray(64), 8, 8, framebuf.GS8, 7)
attempt(bytearray(200000), 70000, 1, framebuf.GS8)
attempt(b"read-only bytes", 2, 2, framebuf.GS8)
attempt(bytearray(64), 8, 8)
attempt(bytearray(64), 8, 8, framebuf.GS8, 8, 0)
attempt(bytearray(64), 8.0, 8, framebuf.GS8)

big = framebuf.FrameBuffer(bytearray(16), 4, 4, framebuf.GS8)
for source in (None, (b"", 1, 1), (b"", 1, 1, framebuf.GS8), (b"abcd", 2, 2, 99),
               (b"abcd", 2, 2, framebuf.GS8, None)):
    try:
        big.blit(source, 0, 0)
        print("blitted")
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)
for call in (lambda: big.text(5, 0, 0), lambda: big.poly(0, 0, [1, 2], 1),
             lambda: big.pixel(0, 0, 1.5), lambda: big.fill_rect(0, 0, 1, 1)):
    try:
        call()
    except TypeError as error:
        print("TypeError", error)
