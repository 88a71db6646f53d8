# expect: micropython 1.29
# Source that does not compile raises SyntaxError or IndentationError with MicroPython's text,
# and the traceback names the file and line the compiler reported.
import sys

sources = [
    "1 +",
    "x = (1,\n2,,)",
    "if 1:\nx",
    "x = 1\n  y = 2",
    "return 1",
    "def f():\n    nonlocal q",
    "break",
    "f(x for x in y, 1)",
    "a, *b, *c = d",
    "del 1",
    "x = 1 = 2",
    "def f(a, a): pass",
    "'unterminated",
    "class C:\n    def m(self):\n        yield from\n",
]
for source in sources:
    for name, run in (("exec", exec), ("eval", eval)):
        try:
            run(source)
        except Exception as error:
            print(name, type(error).__name__, error.args)

for source in ("1 +", "x = 1\n  y = 2", "def f():\n    nonlocal q"):
    try:
        exec(source)
    except SyntaxError as error:
        sys.print_exception(error, sys.stdout)

try:
    compile("a = 1\nb = (", "named.py", "exec")
except SyntaxError as error:
    sys.print_exception(error, sys.stdout)


# A runtime error inside exec'd code has the exec'd lines in its traceback.
def call_it():
    exec("def g():\n    return 1 // 0\ng()")


try:
    call_it()
except ZeroDivisionError as error:
    sys.print_exception(error, sys.stdout)
