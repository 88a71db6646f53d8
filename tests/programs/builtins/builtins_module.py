# `import builtins` is the builtins namespace: what a program stores there, global lookups find.
import builtins

print(builtins.__name__, builtins.len("abc"))
saved_abs = abs
builtins.abs = lambda x: "replaced"
print(abs(-1))
builtins.abs = saved_abs
print(abs(-1))
builtins.extra_name = 42
print(extra_name)


def importer(name, globals, locals, fromlist, level):
    print("import", name, fromlist, level)
    return saved_import(name, globals, locals, fromlist, level)


saved_import = builtins.__import__
builtins.__import__ = importer
import sys
from sys import maxsize
builtins.__import__ = saved_import
for arguments in (("",), ("sys", None, None, None, -1), (1,)):
    try:
        __import__(*arguments)
    except (ValueError, TypeError) as error:
        print(type(error).__name__)
