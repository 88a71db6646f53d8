# Global and builtin lookups from one call site while the names they resolve to change.
def use_len(items):
    return len(items)


print(use_len([1, 2]))
len = lambda items: 42
print(use_len([1, 2]))
del len
print(use_len([1, 2, 3]))

counter = 0


def bump():
    global counter
    counter += 1
    return counter


print([bump() for _ in range(3)], counter)


def target():
    return "old"


def call_target():
    return target()


print(call_target())


def target():
    return "new"


print(call_target())
globals()["target"] = lambda: "via globals()"
print(call_target())
for index in range(3):
    globals()["name_" + str(index)] = index
print(call_target(), name_2)
del target
try:
    call_target()
except NameError as error:
    print("NameError", error)
target = print
call_target()
