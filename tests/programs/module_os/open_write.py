# expect: micropython 1.29
# host: writable directory
# open()'s writing modes: w, a, +, text and binary; seek, tell, flush; reads of a write-only file
import os

f = open("notes.txt", "w")
print(f.write("first line\n"), f.write("zweite Zeile: é\n"), f.tell())
f.flush()
f.close()
with open("notes.txt") as f:
    print(repr(f.read()))
with open("notes.txt", "a") as f:
    print(f.write("third\n"), f.tell())
with open("notes.txt") as f:
    for line in f:
        print(repr(line))
with open("notes.txt", "r") as f:
    print(repr(f.read(22)), f.tell())
f = open("notes.txt", "wb")
print(f.write(b"\x00\x01binary"), f.write(bytearray(b"++")), f.write(b"abcdef", 2))
f.close()
print(open("notes.txt", "rb").read())
f = open("notes.txt", "w+b")
f.write(b"0123456789")
print(f.seek(2), f.read(3), f.tell())
print(f.seek(-4, 2), f.read(), f.seek(0, 1))
f.seek(20)
f.write(b"!")
f.seek(0)
print(f.read())
f.close()
f = open("notes.txt", "r+b")
f.write(b"AB")
f.seek(0)
print(f.readline(), f.tell())
f.close()
f = open("notes.txt", "a+")
f.write("tail")
f.seek(0)
print(len(f.read()))
f.close()
buffer = bytearray(4)
with open("notes.txt", "rb") as f:
    print(f.readinto(buffer), buffer)
for mode in ("w", "ab", "a"):
    f = open("notes.txt", mode)
    for name in ("read", "readline", "readlines"):
        try:
            getattr(f, name)()
        except OSError as error:
            print(mode, name, "OSError", error.errno)
    f.close()
f = open("notes.txt")
try:
    f.write("x")
except OSError as error:
    print("write on r", error.errno)
f.close()
try:
    f.write("x")
except ValueError as error:
    print("closed", error)
try:
    open("missing.txt", "r+")
except OSError as error:
    print("r+ missing", error.errno)
os.mkdir("folder")
try:
    open("folder", "w")
except OSError as error:
    print("write to directory", error.errno)
os.rmdir("folder")
print(repr(open("notes.txt").read()))
