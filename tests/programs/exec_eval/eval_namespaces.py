# expect: micropython 1.29
# eval() and exec() in the caller's namespace, in a given globals dict, and with separate locals.
counter = 10
print(eval("counter + 1"))
print(eval("[n * n for n in range(4)]"))
print(eval(b"3 * 7"))
print(eval(bytearray(b"2 ** 10")))

scope = {"a": 5}
print(eval("a * 2", scope))
print(eval("a * 2", scope, {"a": 7}))
print(eval("a", None, {"a": 9}))
print(eval("__name__"), eval("__name__", {}))

exec("b = a + 1", scope)
print(scope["b"])
local_names = {}
exec("c = a + 2", scope, local_names)
print(local_names, "c" in scope)
print(exec("1 + 4"))

exec("counter += 5")
print(counter)


def inside():
    hidden = 3
    try:
        return eval("hidden")
    except NameError as error:
        return "NameError: " + str(error)


print(inside())

# Functions and classes made by exec see the globals they were made in.
space = {"offset": 100}
exec("def shift(x):\n    return x + offset\nclass Box:\n    size = offset // 10\n", space)
print(space["shift"](1), space["Box"].size)
space["offset"] = 200
print(space["shift"](1))

# A generator and a closure from exec keep working after it returns.
exec("def count(n):\n    for i in range(n):\n        yield i * offset\n", space)
print(list(space["count"](3)))
exec("def outer():\n    x = 1\n    def inner():\n        return x + 1\n    return inner\n", space)
print(space["outer"]()())

for bad in (1, [], None):
    try:
        eval(bad)
    except TypeError as error:
        print("TypeError", error)
try:
    eval("1", 5)
except TypeError as error:
    print("TypeError", error.args)
try:
    exec("1", {}, [])
except TypeError as error:
    print("TypeError", error.args)
