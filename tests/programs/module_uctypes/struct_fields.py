# expect: micropython 1.29
# uctypes structs over a bytearray: scalars in each layout, bitfields, nested structs, arrays,
# pointers into a bytes object, sizeof, bytes_at, bytearray_at and the errors of the reference.
import uctypes

data = bytearray(range(1, 17))
base = uctypes.addressof(data)
layout = {
    "u8": uctypes.UINT8 | 0,
    "i8": uctypes.INT8 | 1,
    "u16": uctypes.UINT16 | 2,
    "i32": uctypes.INT32 | 4,
    "u64": uctypes.UINT64 | 8,
    "low": uctypes.BFUINT16 | 2 | 0 << uctypes.BF_POS | 4 << uctypes.BF_LEN,
    "high": uctypes.BFUINT16 | 2 | 12 << uctypes.BF_POS | 4 << uctypes.BF_LEN,
    "inner": (4, {"a": uctypes.UINT8 | 0, "b": uctypes.UINT16 | 1}),
    "words": (uctypes.ARRAY | 8, uctypes.UINT16 | 4),
    "bytes": (uctypes.ARRAY | 12, uctypes.UINT8 | 4),
    "pairs": (uctypes.ARRAY | 0, 2, {"x": uctypes.UINT8 | 0, "y": uctypes.INT8 | 1}),
}
for order in (uctypes.LITTLE_ENDIAN, uctypes.BIG_ENDIAN, uctypes.NATIVE):
    s = uctypes.struct(base, layout, order)
    print(order, s.u8, s.i8, hex(s.u16), hex(s.i32), hex(s.u64), s.low, s.high)
    print(s.inner.a, hex(s.inner.b), [hex(s.words[i]) for i in range(4)], s.bytes)
    print([(p.x, p.y) for p in (s.pairs[0], s.pairs[1])], uctypes.sizeof(s))

s = uctypes.struct(base, layout, uctypes.LITTLE_ENDIAN)
s.i8 = -2
s.u16 = 0x10203
s.high = 9
s.words[1] = -1
s.bytes[0] = 200
s.inner.a = 77
s.pairs[1].y = 0x7F
print(data)
print(s.i8, hex(s.u16), s.high, s.words[1], s.bytes[0], s.inner.a)
print(uctypes.bytes_at(base + 2, 4), uctypes.bytearray_at(base + 12, 2))
view = uctypes.bytearray_at(base, 3)
view[0] = 99
print(data[0], bytes(s)[:4], bytearray(s.inner))

floats = bytearray(12)
f = uctypes.struct(uctypes.addressof(floats), {"f": uctypes.FLOAT32 | 0, "d": uctypes.FLOAT64 | 4}, uctypes.LITTLE_ENDIAN)
f.f = 1.5
f.d = -0.25
print(f.f, f.d, floats)

text = b"ABCD"
pointers = uctypes.addressof(text).to_bytes(uctypes.sizeof({"p": (uctypes.PTR | 0, uctypes.UINT8)}), "little")
p = uctypes.struct(uctypes.addressof(pointers), {"p": (uctypes.PTR | 0, uctypes.UINT8), "q": (uctypes.PTR | 0, {"c": uctypes.UINT8 | 1})}, uctypes.LITTLE_ENDIAN)
print(p.p[0], p.p[3], p.q[0].c, int(p.p) == uctypes.addressof(text))

print(uctypes.sizeof(layout), uctypes.sizeof(layout, uctypes.LITTLE_ENDIAN))
print(uctypes.sizeof({"a": uctypes.UINT8 | 0, "b": uctypes.UINT32 | 4, "c": uctypes.UINT8 | 8}))
print(uctypes.sizeof((uctypes.ARRAY | 0, 3, {"a": uctypes.UINT32 | 0, "b": uctypes.UINT8 | 4})))
print(uctypes.sizeof(bytearray(7)), str(s)[:15], str(s.words)[:14])
for name, value in (
    ("VOID", uctypes.VOID),
    ("INT", uctypes.INT),
    ("UINT", uctypes.UINT),
    ("SHORT", uctypes.SHORT),
    ("USHORT", uctypes.USHORT),
    ("LONG", uctypes.LONG),
    ("ULONG", uctypes.ULONG),
    ("LONGLONG", uctypes.LONGLONG),
    ("ULONGLONG", uctypes.ULONGLONG),
    ("BFUINT8", uctypes.BFUINT8),
    ("BFINT8", uctypes.BFINT8),
    ("BFINT16", uctypes.BFINT16),
    ("BFUINT32", uctypes.BFUINT32),
    ("BFINT32", uctypes.BFINT32),
    ("INT16", uctypes.INT16),
    ("INT64", uctypes.INT64),
):
    print(name, hex(value) if name not in ("LONG", "ULONG") else value in (uctypes.INT32, uctypes.INT64, uctypes.UINT32, uctypes.UINT64))


def attempt(function):
    try:
        print(function())
    except Exception as error:
        print(type(error).__name__, error)


attempt(lambda: s[0])
attempt(lambda: s.missing)
attempt(lambda: s.words[4])
attempt(lambda: s.words.x)
attempt(lambda: uctypes.sizeof(s, 1))
attempt(lambda: uctypes.sizeof(5))
attempt(lambda: uctypes.sizeof({"a": []}))
attempt(lambda: uctypes.sizeof((uctypes.PTR | 0, 1, 2)))
attempt(lambda: uctypes.struct(data, {}))
attempt(lambda: uctypes.struct(base))
attempt(lambda: hash(s))
attempt(lambda: uctypes.addressof(3))
attempt(lambda: iter(s))
attempt(lambda: list(s.words))


def store_aggregate():
    s.inner = 1


def delete_item():
    del s.words[0]


def store_struct_item():
    s.pairs[0] = 1


attempt(store_aggregate)
attempt(delete_item)
attempt(store_struct_item)
