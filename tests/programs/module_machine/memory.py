# expect: micropython 1.29
# machine.mem8, mem16 and mem32: how they print and the errors MicroPython gives before it
# touches memory (alignment, deletion, slices, non-integer addresses). Reading or writing an
# address is not compared: the unix reference maps physical memory through /dev/mem, xipy
# confines addresses to its own buffers (docs/compatibility.md).
import machine

print(machine.mem8, machine.mem16, machine.mem32, type(machine.mem8))
print(repr(machine.mem32), str(machine.mem16))
for memory, address in ((machine.mem16, 1), (machine.mem32, 2), (machine.mem32, 0x1001),
                        (machine.mem16, -1), (machine.mem32, 2**40 + 6)):
    try:
        memory[address]
    except ValueError as error:
        print(error)
    try:
        memory[address] = 7
    except ValueError as error:
        print(error)
try:
    machine.mem8[0:1]
except TypeError as error:
    print(error)
try:
    machine.mem8[0:1] = 10
except TypeError as error:
    print(error)
for index in ("hello", 1.5, None):
    try:
        machine.mem8[index]
    except TypeError as error:
        print(error)
    try:
        machine.mem8[index] = 10
    except TypeError as error:
        print(error)
try:
    del machine.mem8[0]
except TypeError as error:
    print(error)
import umachine

print(umachine is machine, umachine.mem8 is machine.mem8)
