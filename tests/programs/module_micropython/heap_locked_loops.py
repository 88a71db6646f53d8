# expect: micropython 1.29
# with the heap locked, constants load and loops over built-in containers run without allocating
import array
import micropython


def constants():
    return (1, 'two', (b'three',)), 2**70


def loops(items):
    for item in items:
        for element in item:
            print(element)
    print(sum(items[3]), min(items[4]), max(items[0]), all(items[5]), any(items[6]))


items = [bytes(b'ab'), bytearray(b'cd'), array.array('h', (5, -6)), (7, 8), [9], {10: 11},
         {12}, frozenset((13,)), memoryview(b'ef')]
value = None
micropython.heap_lock()
value = constants()
loops(items)
micropython.heap_unlock()
print(value)

# the loop by position still sees the list grow
growing = [1]
for element in growing:
    if element < 4:
        growing.append(element + 1)
print(growing)
