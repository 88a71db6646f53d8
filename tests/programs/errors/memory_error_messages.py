# expect: micropython 1.29
# A MemoryError says what failed when there is room to say it: how many bytes a large request
# asked for, or that the heap is locked. (The byte counts differ from MicroPython's, whose
# objects have other headers, so only the wording is printed.)
import micropython


def wording(text):
    if text.startswith("memory allocation failed, allocating ") and text.endswith(" bytes"):
        return "allocating N bytes"
    return text


size = 10**8
for make in (lambda: bytearray(size), lambda: "ab" * size, lambda: bytes(size),
             lambda: [None] * size):
    try:
        make()
    except MemoryError as error:
        print(wording(str(error)))


def locked():
    micropython.heap_lock()
    try:
        [1, 2, 3]
    except MemoryError as error:
        micropython.heap_unlock()
        return str(error)
    micropython.heap_unlock()


print(locked())
