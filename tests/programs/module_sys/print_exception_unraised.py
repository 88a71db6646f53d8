# sys.print_exception prints the "Traceback" header only for an exception that was raised
# through a frame; a freshly made one prints as its last line alone.
import sys

sys.print_exception(ValueError("never raised"))
sys.print_exception(KeyError())


def fail():
    raise TypeError("raised in a function")


try:
    fail()
except TypeError as error:
    sys.print_exception(error)
    caught = error
sys.print_exception(caught)
