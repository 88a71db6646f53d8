# expect: micropython 1.29
# host: writable directory
# os.mkdir, rename, rmdir and remove in a writable directory, and their errors
import os

print(sorted(os.listdir()))
os.mkdir("box")
with open("box/item.txt", "w") as f:
    f.write("content")
print(sorted(os.listdir()), os.listdir("box"))
os.rename("box/item.txt", "moved.txt")
print(sorted(os.listdir()), os.listdir("box"))
print(open("moved.txt").read())
for name, function, arguments in (
    ("mkdir", os.mkdir, ("box",)),
    ("rmdir", os.rmdir, ("missing",)),
    ("remove", os.remove, ("missing.txt",)),
    ("rename", os.rename, ("missing.txt", "other.txt")),
    ("remove directory", os.remove, ("box",)),
):
    try:
        function(*arguments)
        print(name, "ok")
    except OSError as error:
        print(name, "OSError", error.errno)
with open("box/keep.txt", "w"):
    pass
try:
    os.rmdir("box")
except OSError as error:
    print("rmdir non-empty", error.errno)
os.remove("box/keep.txt")
os.rmdir("box")
os.remove("moved.txt")
print(os.listdir())
