# os.putenv() and os.unsetenv() change what os.getenv() sees afterwards.
import os

print(os.getenv("XIPY_TEST_VARIABLE"), os.getenv("XIPY_TEST_VARIABLE", "default"))
os.putenv("XIPY_TEST_VARIABLE", "set")
print(os.getenv("XIPY_TEST_VARIABLE"))
os.putenv("XIPY_TEST_VARIABLE", "")
print(repr(os.getenv("XIPY_TEST_VARIABLE")))
os.unsetenv("XIPY_TEST_VARIABLE")
print(os.getenv("XIPY_TEST_VARIABLE", "gone"))
os.unsetenv("XIPY_TEST_NEVER_SET")
try:
    os.putenv("XIPY_TEST_VARIABLE", 1)
except TypeError:
    print("TypeError")
