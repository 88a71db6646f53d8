# expect: micropython 1.29
# Code compiled from 'single' input prints expression values through __repl_print__ and keeps
# the last one as the builtin name _, as the REPL shows them.
exec(compile("1 + 1", "<stdin>", "single"))
print(_)
exec(compile("[1, 'two', (3,)]", "<stdin>", "single"))
print(_)
exec(compile("None", "<stdin>", "single"))
print(_)
exec(compile("x = 5", "<stdin>", "single"))
exec(compile("x; x * 2", "<stdin>", "single"))
print(_)
__repl_print__(b"bytes")
__repl_print__(None)
