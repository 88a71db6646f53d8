# Host access grants (tests/api/limits_test.cpp): each service answers only when granted.
import os
import time


def attempt(label, function, *arguments):
    try:
        function(*arguments)
    except OSError as error:
        print(label, "OSError", error.args[0])
        return
    except EOFError:
        print(label, "EOFError")
        return
    print(label, "ok")


attempt("environment", os.getenv, "PATH")
attempt("clock", time.time)
attempt("ticks", time.ticks_ms)
attempt("stdin", input)
attempt("filesystem", os.listdir, "/")
