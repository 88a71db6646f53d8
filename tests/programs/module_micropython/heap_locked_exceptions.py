# expect: micropython 1.29
# with the heap locked, exceptions are still raised and caught with their message and a short
# traceback; too many arguments are dropped; a global deleted earlier can be stored again
import io
import micropython
import sys


def deep(depth):
    if depth == 0:
        raise ValueError('deep', depth)
    deep(depth - 1)


def show(error):
    buffer = io.StringIO()
    sys.print_exception(error, buffer)
    for line in buffer.getvalue().split('\n'):
        print(line.split('"')[-1])


def main():
    # each exception is shown before the next: MicroPython reuses one emergency exception
    micropython.heap_lock()
    try:
        deep(4)
    except ValueError as error:
        caught = error
    micropython.heap_unlock()
    show(caught)
    micropython.heap_lock()
    try:
        raise KeyError(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
                       22, 23, 24, 25)
    except KeyError as error:
        caught = error
    micropython.heap_unlock()
    print(len(caught.args))
    micropython.heap_lock()
    try:
        undefined_name
    except NameError as error:
        caught = error
    micropython.heap_unlock()
    print(repr(caught))


main()
try:
    undefined_name
except NameError as error:
    print(type(error).__name__)
micropython.heap_lock()
try:
    undefined_name
except NameError as error:
    micropython.heap_unlock()
    print('again', type(error).__name__)
