# Filesystem confinement (tests/api/filesystem_test.cpp builds the tree): the host grants one
# directory, and every way out of it is refused. sys.argv[1] is the host's absolute path of a
# file outside the granted directory.
import os
import sys


def attempt(label, function, *arguments):
    try:
        result = function(*arguments)
    except OSError as error:
        print(label, "OSError", error.args[0])
        return
    print(label, "ok", result)


def read(path):
    with open(path) as file:
        return file.read().strip()


attempt("read inside", read, "inside.txt")
attempt("read nested", read, "sub/../sub/./nested.txt")
attempt("read rooted", read, "/inside.txt")
attempt("read inner link", read, "inner_link")
attempt("read parent", read, "../outside.txt")
attempt("read deep parent", read, "sub/../../outside.txt")
attempt("read host path", read, sys.argv[1])
attempt("read symlink", read, "escape")
attempt("read via dir link", read, "escape_dir/outside.txt")
attempt("read missing via dir link", read, "escape_dir/missing.txt")
attempt("read missing", read, "missing.txt")
attempt("read nul", read, "inside.txt\x00/../../outside.txt")
attempt("listdir root", lambda path: sorted(os.listdir(path)), ".")
attempt("listdir slash", lambda path: sorted(os.listdir(path)), "/")
attempt("listdir parent", os.listdir, "..")
attempt("listdir dir link", os.listdir, "escape_dir")
attempt("stat inside", lambda path: os.stat(path)[6], "inside.txt")
attempt("stat parent", os.stat, "../outside.txt")
attempt("stat symlink", os.stat, "escape")
attempt("remove parent", os.remove, "../outside.txt")
attempt("remove via dir link", os.remove, "escape_dir/outside.txt")
attempt("remove link", os.remove, "escape")
attempt("remove inside", os.remove, "victim.txt")
attempt("remove root", os.remove, "sub/..")
attempt("getcwd", os.getcwd)


def write(path, mode="w", text="new"):
    with open(path, mode) as file:
        return file.write(text)


attempt("write new", write, "new.txt")
attempt("write parent", write, "../new.txt")
attempt("write symlink", write, "escape_write")
attempt("write via dir link", write, "escape_dir/new.txt")
attempt("append inside", write, "inside.txt", "a", "!")
attempt("update inside", write, "inside.txt", "r+", "H")
attempt("rename inside", os.rename, "inside.txt", "renamed.txt")
attempt("rename out", os.rename, "renamed.txt", "../renamed.txt")
attempt("mkdir new", os.mkdir, "made")
attempt("rmdir sub", os.rmdir, "sub")
attempt("read fifo", read, "fifo")
attempt("write fifo", write, "fifo")
try:
    with open("renamed.txt", "a+") as file:
        file.write("x\n")
        file.seek(0)
        print("after", file.read())
except OSError as error:
    print("after OSError", error.args[0])
