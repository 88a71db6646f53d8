# errno.errorcode is a constant table: every change raises TypeError; a copy is an ordinary dict.
import errno

table = errno.errorcode
before = len(table)
changes = (
    lambda: table.pop(1),
    lambda: table.pop(12345, None),
    lambda: table.popitem(),
    lambda: table.setdefault(1, "x"),
    lambda: table.update({}),
    lambda: table.clear(),
    lambda: table.__setitem__(1, "x"),
)
for change in changes:
    try:
        change()
        print("changed")
    except TypeError:
        print("TypeError")
try:
    table[2] = "y"
except TypeError:
    print("TypeError")
try:
    del table[2]
except TypeError:
    print("TypeError")
print(len(table) == before, table[errno.ENOENT], table.get(99999))
copy = table.copy()
copy[99999] = "NEW"
print(copy.pop(99999), len(copy) == before)
