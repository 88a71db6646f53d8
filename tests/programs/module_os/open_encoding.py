# expect: micropython 1.29
# open() takes buffering and encoding (by position or keyword) and reads text as UTF-8.
with open("module_os/open_encoding_utf8.txt", encoding="utf-8") as source:
    print(repr(source.read()))
with open("module_os/open_encoding_utf8.txt", "r", -1, "utf-8") as source:
    print(source.read(4))
with open("module_os/open_encoding_utf8.txt", mode="rb", buffering=0, encoding=None) as source:
    print(source.read())
with open("module_os/open_encoding_invalid.txt", "rb") as source:
    print(source.read())
try:
    open("module_os/open_encoding_invalid.txt", encoding="utf-8").read()
except UnicodeError:
    print("UnicodeError")
