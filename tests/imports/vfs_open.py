# vfs.VfsRom, mount, umount and read-only open() of files in an image (run by
# tools/import_tests.py beside packages.romfs, an image of tests/imports/packages/).
import sys
import vfs

image = vfs.VfsRom(open("packages.romfs", "rb").read())
vfs.mount(image, "/rom2")
print(image.stat("/data/notes.txt")[0], image.stat("/data/notes.txt")[6], image.stat("/pkg")[0])
print(sorted(entry[0] for entry in image.ilistdir("/")))
with open("/rom2/data/notes.txt") as notes:
    print(repr(notes.read(5)), notes.tell())
    print(repr(notes.readline()))
    for line in notes:
        print(repr(line))
    print(notes.seek(0), repr(notes.read()))
notes = open("/rom2/data/notes.txt", "rb")
print(notes.read(3), notes.seek(-4, 2), notes.read())
notes.close()
for path in ("/rom2/nothere", "/rom2/data"):
    try:
        open(path)
    except OSError as error:
        print("OSError", error.errno)
sys.path.insert(0, "/rom2")
import helper

print(helper.twice(4))
try:
    vfs.mount(image, "/rom2")
except OSError as error:
    print("mount again", error.errno)
vfs.umount("/rom2")
print(helper.twice(5))
try:
    vfs.umount("/rom2")
except OSError as error:
    print("umount again", error.errno)
for corrupt in (b"", b"\xd2\xcd\x31", b"\xd2\xcd\x31\x40\x00", b"RM1\x00"):
    try:
        vfs.VfsRom(corrupt)
    except OSError as error:
        print("corrupt", error.errno)
