# expect: micropython 1.29
# Decoding with an encoding and an error handler, and encoding checks, as MicroPython does.
def attempt(function):
    try:
        print(repr(function()))
    except Exception as error:
        print(type(error).__name__, error.args)

for handler in ("strict", "ignore", "replace", "unknown"):
    attempt(lambda: b"a\xffb\xe4\xb8c\xf0\x9f\x98\x80".decode("utf-8", handler))
    attempt(lambda: b"a\xc3\xa9\x80".decode("ascii", handler))
    attempt(lambda: str(bytearray(b"\xe4\x20\x80"), "utf8", handler))
attempt(lambda: b"\xf4\x90\x80\x80".decode())
attempt(lambda: b"\xed\xa0\x80".decode())
attempt(lambda: b"\xf8\x80".decode("utf-8", "replace"))
attempt(lambda: b"abc".decode("latin-1"))
attempt(lambda: str(b"abc", "UTF-8"))
attempt(lambda: str(b"abc", 1))
attempt(lambda: str(1, "utf-8"))
attempt(lambda: str(b"abc", "utf-8", "strict", "extra"))
attempt(lambda: "aé".encode("ascii"))
attempt(lambda: "ab".encode("ascii"))
attempt(lambda: "ab".encode("cp1252"))
attempt(lambda: bytes("aé", "ascii", "ignore"))
attempt(lambda: bytes("aé", "utf-8", "strict", "extra"))
attempt(lambda: bytes([1, 2], 1))
attempt(lambda: bytes(1, 2, 3, 4))
