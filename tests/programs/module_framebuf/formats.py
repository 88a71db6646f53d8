# expect: micropython 1.29
# framebuf in every format over bytearray, memoryview and array buffers: the drawing calls, the
# format constants and the buffer protocol, printed as the bytes they leave.
import array
import framebuf

formats = [
    ("MONO_VLSB", framebuf.MONO_VLSB),
    ("MONO_HLSB", framebuf.MONO_HLSB),
    ("MONO_HMSB", framebuf.MONO_HMSB),
    ("RGB565", framebuf.RGB565),
    ("GS2_HMSB", framebuf.GS2_HMSB),
    ("GS4_HMSB", framebuf.GS4_HMSB),
    ("GS8", framebuf.GS8),
]
print(framebuf.MVLSB == framebuf.MONO_VLSB, [number for _, number in formats])

width, height = 10, 9
for name, number in formats:
    memory = bytearray(2 * 16 * 16)
    frame = framebuf.FrameBuffer(memory, width, height, number)
    frame.fill(0)
    frame.pixel(0, 0, 0x1235)
    frame.hline(1, 1, 8, 3)
    frame.vline(8, 0, 9, 2)
    frame.rect(2, 2, 5, 4, 0xFFFF)
    frame.fill_rect(3, 6, 3, 2, 1)
    frame.line(0, 8, 9, 3, 0xA5)
    frame.ellipse(5, 4, 4, 3, 7)
    frame.ellipse(5, 4, 2, 1, 9, True, 0b0101)
    frame.poly(1, 1, array.array("h", [0, 0, 6, 1, 3, 6]), 0x0F0F, True)
    frame.poly(0, 0, bytes([1, 7, 8, 8, 4, 2]), 5)
    frame.text("Hi!", 1, 1, 0x7E)
    frame.scroll(1, -1)
    print(name, frame.pixel(0, 0), frame.pixel(3, 3), frame.pixel(9, 8), frame.pixel(10, 0))
    print(bytes(memory[:64]).hex())
    print(len(memoryview(frame)), bytes(frame)[:8].hex())

# Each format's colour bits: what a pixel keeps of a wide colour.
for name, number in formats:
    frame = framebuf.FrameBuffer(bytearray(32), 4, 4, number)
    frame.pixel(1, 1, -1)
    frame.pixel(2, 1, 0x12345)
    print(name, frame.pixel(1, 1), frame.pixel(2, 1))

# An array of 16-bit items and a slice of a memoryview are buffers too.
pixels = array.array("H", [0] * 12)
frame = framebuf.FrameBuffer(pixels, 4, 3, framebuf.RGB565)
frame.fill_rect(1, 1, 2, 2, 0xBEEF)
print(list(pixels), memoryview(frame)[5])
backing = bytearray(12)
frame = framebuf.FrameBuffer(memoryview(backing)[4:], 8, 8, framebuf.MONO_VLSB)
frame.fill(1)
frame.text("\x7fé", 0, 0, 0)
print(backing.hex())

# FrameBuffer1 is the old MONO_VLSB constructor; a subclass draws through the same methods.
frame = framebuf.FrameBuffer1(bytearray(8), 8, 8)
frame.line(0, 0, 7, 7, 1)
print(bytes(frame).hex())


class Screen(framebuf.FrameBuffer):
    def __init__(self, size):
        self.size = size
        super().__init__(bytearray(size * size), size, size, framebuf.GS8)

    def cross(self, colour):
        self.line(0, 0, self.size - 1, self.size - 1, colour)
        self.line(self.size - 1, 0, 0, self.size - 1, colour)


screen = Screen(5)
screen.cross(0x80)
target = framebuf.FrameBuffer(bytearray(25), 5, 5, framebuf.GS8)
target.blit(screen, 1, 0, 0)
print(bytes(target).hex(), bytes(screen).hex())

# blit with a key and a palette, from a FrameBuffer and from a (buffer, w, h, format) tuple.
icon = framebuf.FrameBuffer(bytearray(4), 4, 4, framebuf.GS2_HMSB)
icon.pixel(0, 0, 1)
icon.pixel(3, 3, 2)
icon.pixel(1, 2, 3)
palette = framebuf.FrameBuffer(bytearray(8), 4, 1, framebuf.RGB565)
for index, value in enumerate((0x0000, 0xF800, 0x07E0, 0x001F)):
    palette.pixel(index, 0, value)
canvas = framebuf.FrameBuffer(bytearray(2 * 6 * 5), 6, 5, framebuf.RGB565)
canvas.fill(0x1111)
canvas.blit(icon, 1, 1, 0, palette)
print(bytes(canvas).hex())
canvas.blit((b"\x01\x02\x03\x04", 2, 2, framebuf.GS8), 4, 3, 2)
canvas.blit([bytearray(b"\x05\x06\xff\x07\x08\xff"), 2, 2, framebuf.GS8, 3], -1, -1)
print(bytes(canvas).hex())
