# sys.print_exception prints a non-exception as its repr and rejects a file that is no stream.
import sys

sys.print_exception(Exception)
sys.print_exception("text")
sys.print_exception(12)
for file in (1, None, "x"):
    try:
        sys.print_exception(ValueError(1), file)
    except OSError as error:
        print("OSError", error)

