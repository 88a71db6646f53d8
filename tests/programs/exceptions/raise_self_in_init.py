# expect: cpython
# An exception instance raised from its own __init__ (before Exception.__init__ ran) is raised as is.
class Early(Exception):
    def __init__(self):
        raise self


try:
    Early()
except Early as error:
    print("caught", type(error).__name__, error.args)
