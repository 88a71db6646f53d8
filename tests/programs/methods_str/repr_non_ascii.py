# expect: micropython 1.29
# repr() prints non-ASCII characters as themselves; controls, surrogates and points past U+10FFFF escaped.
print(repr("é"), repr("日本"), repr("\U0001f600"), ["é", "日"], {"ключ": "значение"})
print(repr("\x00\x1f\x7f\x80\xa0\xff"))
print(repr("it's é"), repr('"é"'))
print(repr(chr(0xD800)), repr(chr(0xDFFF)), repr(chr(0xE000)), repr(chr(0x10FFFF)))
print(repr(b"\xf4\x90\x80\x80".decode()))
print(("é", 1))
