# expect: micropython 1.29
# compile(): code objects for 'exec', 'eval' and 'single', run by exec() and eval().
code = compile("total = 0\nfor n in range(5):\n    total += n\n", "summing", "exec")
print(type(code), repr(code))
print(exec(code))
print(total)
names = {}
exec(code, names)
print(names["total"])

expression = compile("total * 2", "<expr>", "eval")
print(eval(expression))
print(eval(expression, {"total": 21}))
print(exec(expression))

# 'single' prints each expression statement's value (unless None), as a REPL does.
single = compile("6 * 7", "<single>", "single")
exec(single)
exec(compile("None", "<single>", "single"))
exec(compile("'text'", "<single>", "single"))
exec(compile("if 1:\n    8\n    9\n", "<single>", "single"))

# One code object runs many times, in different globals.
again = compile("value = value * 2", "again", "exec")
first = {"value": 1}
second = {"value": 10}
for _ in range(3):
    exec(again, first)
exec(again, second)
print(first["value"], second["value"])

try:
    compile("x", "file", "nonsense")
except ValueError as error:
    print("ValueError", error)
print(compile(b"1", "bytes", "eval") is not None)

# compile() takes str or bytes source and str names; eval and exec take dicts only.
for arguments in (("1", 5, "exec"), ("1", "f", 5), (5, "f", "exec"), (bytearray(b"1"), "f", "exec")):
    try:
        compile(*arguments)
    except TypeError as error:
        print("TypeError", error)
for run in (eval, exec):
    try:
        run("1", {}, 5)
    except TypeError as error:
        print("TypeError", error.args)
