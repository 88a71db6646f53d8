# expect: cpython
# os errors for missing paths carry ENOENT; stat distinguishes files from directories
import os
for function in (os.stat, os.remove, os.listdir):
    try:
        function("module_os/definitely_missing_entry")
    except OSError as error:
        print(function.__name__, error.args[0])
print(os.stat("module_os")[0] & 0o170000 == 0o040000)
print(os.stat("module_os/stat_errors.py")[0] & 0o170000 == 0o100000)
print(os.getcwd() == os.getcwd(), type(os.getcwd()).__name__)
