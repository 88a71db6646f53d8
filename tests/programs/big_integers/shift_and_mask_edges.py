# expect: micropython 1.29
# Shifts built straight into a big int, and masks of a big int with a small one: the edges of both.
# Small left operands: results that stay small, that cross into big ints, and negative ones.
for left in (1, -1, 3, -3, 0x7FFFFFFF, -0x80000000, 0x3FFFFFFFFFFF):
    for count in (15, 16, 17, 31, 32, 33, 45, 46, 47, 61, 62, 63, 64, 65, 95, 96, 97):
        value = left << count
        print(left, count, hex(value), value >> count == left, type(value).__name__)
print(0 << 100, 0 << 0, type(0 << 1000).__name__)
# Big left operands with whole-limb and part-limb counts.
big = 0xFEDCBA9876543210FEDCBA9876543210
for count in (0, 1, 16, 31, 32, 33, 64, 127, 128, 129, 1000):
    print(count, hex(big << count), hex(-big << count), (big << count) >> count == big)
# A mask with a non-negative small int reads only the lowest bits, in two's complement.
for value in (big, -big, 1 << 64, -(1 << 64), (1 << 64) + 5, -((1 << 64) + 5), (1 << 100) - 1,
              -((1 << 100) - 1), 0x1_0000_0001, -0x1_0000_0001):
    for mask in (0, 1, 0xFF, 0xFFFFFFFF, 0x3FFFFFFFFFFF, 0x2AAAAAAAAAAA):
        print(hex(value & mask), hex(mask & value), (value & mask) == (mask & value))
print(big & -1 == big, -big & -256, hex(big & (1 << 80)), True & big, big & False)
# A shift too large for the heap raises MemoryError before doing any work; a count that is no
# machine word raises OverflowError whatever the left side (MicroPython converts it first).
for count in (1 << 60, 1 << 40, 1 << 63, 1 << 70, -(1 << 70), -(1 << 60)):
    for left in (0, 5, -5, 1 << 100):
        for shift in (lambda: left << count, lambda: left >> count):
            try:
                print(shift())
            except (MemoryError, OverflowError, ValueError) as error:
                print(type(error).__name__, error.args[0][:24])
