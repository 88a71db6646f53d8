# expect: cpython
# open() reads a granted file as text or bytes; os.stat and listdir see it; errors carry errno
import os
name = "module_os/open_read.py"
with open(name) as source:
    first = source.readline()
print(first.strip())
with open(name, "rb") as source:
    print(source.read(11))
print(os.stat(name)[6] > 100, "open_read.py" in os.listdir("module_os"), "module_os" in os.listdir("."))
try:
    open("no_such_file.txt")
except OSError as error:
    print("OSError", error.args[0])
print(len(os.urandom(8)), type(os.urandom(2)).__name__, os.getenv("XIPY_UNSET_VARIABLE_1234"))
