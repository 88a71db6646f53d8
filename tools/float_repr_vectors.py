# Prints repr() test vectors for xipy's float formatting, computed by the reference VM.
#
# Regenerate with:
#   node tests/reference/micropython.mjs tools/float_repr_vectors.py \
#       > tests/unit/number/data/float_repr_vectors.txt
#
# Each line is "<16 hex digits: the double's bits> <repr(x)>". The values are chosen
# by this script alone (fixed-seed generator), so the file only changes if MicroPython
# does.
import struct

MASK = (1 << 64) - 1


def from_bits(bits):
    return struct.unpack("<d", struct.pack("<Q", bits & MASK))[0]


def to_bits(value):
    return struct.unpack("<Q", struct.pack("<d", value))[0]


class Lcg:
    # Knuth's MMIX constants; the high bits are the useful ones.
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & MASK
        return self.state

    def below(self, limit):
        return (self.next() >> 16) % limit


def neighbours(bits):
    # The value and the doubles just below and above it (same sign).
    return [bits - 1, bits, bits + 1]


values = []
seen = set()


def add(value):
    add_bits(to_bits(value))


def add_bits(bits):
    bits &= MASK
    if bits not in seen:
        seen.add(bits)
        values.append(bits)


# Specials and limits.
for bits in [0, 1 << 63, 0x7FF0000000000000, 0xFFF0000000000000, 0x7FF8000000000000,
             1, 2, 3, 0x000FFFFFFFFFFFFF, 0x0010000000000000, 0x0010000000000001,
             0x7FEFFFFFFFFFFFFF, 0x7FEFFFFFFFFFFFFE, 0x3FF0000000000000, 0x3FEFFFFFFFFFFFFF,
             0x3FF0000000000001]:
    add_bits(bits)
    add_bits(bits | (1 << 63))

# Powers of ten across the whole range, with their neighbours.
for exponent in range(-325, 310):
    bits = to_bits(float("1e%d" % exponent))
    if bits != 0 and bits != 0x7FF0000000000000:
        for neighbour in neighbours(bits):
            add_bits(neighbour)

# Around the switches to exponent form (1e-4 and 1e16), densely.
for exponent in [-5, -4, 15, 16, 17]:
    base = float("1e%d" % exponent)
    for mantissa in [1, 9.999999999999998, 9.999999999999999, 1.0000000000000002, 5, 1.5]:
        add(base * mantissa)
        add(float("%se%d" % (repr(mantissa), exponent)))

# Powers of two, with neighbours.
for exponent in range(-1074, 1024, 3):
    for neighbour in neighbours(to_bits(2.0 ** exponent)):
        add_bits(neighbour)

# Integers, including the edge of exact integers at 2^53.
for number in list(range(0, 130)) + [999, 1000, 1001, 65535, 65536, 123456789, 2 ** 31,
                                      2 ** 32 - 1, 10 ** 15 - 1, 10 ** 15, 10 ** 15 + 1,
                                      10 ** 16 - 2, 10 ** 16, 2 ** 53 - 1, 2 ** 53,
                                      2 ** 53 + 2, 2 ** 63, 2 ** 64, 10 ** 22, 10 ** 23]:
    add(float(number))
    add(-float(number))

# Everyday fractions and arithmetic.
for numerator in range(1, 40):
    for denominator in [3, 7, 9, 10, 11, 100, 1000, 1024, 3600]:
        add(numerator / denominator)
for value in [0.1 + 0.2, 0.1 * 3, 1.1 + 2.2, 3.3 * 3, 1 - 0.9, 100 * 1.1, 0.7 + 0.1,
              2.675, 1.005, 1.0005, 9.7, 9.95, 99.995, 3.14159265358979, 2.718281828459045,
              1e-7 / 3, 1e300 * 1e8, 1 / 9e307]:
    add(value)

# Short decimals: the shortest round-trip text has few digits.
generator = Lcg(20251124)
for _ in range(1500):
    digits = 1 + generator.below(17)
    mantissa = generator.below(10 ** digits) + 1
    exponent = generator.below(640) - 330
    add(float("%de%d" % (mantissa, exponent)))

# Uniformly random bit patterns (all exponents), then ones of moderate size.
for _ in range(2500):
    add_bits(generator.next())
for _ in range(1500):
    bits = generator.next()
    exponent_field = 1023 - 70 + generator.below(140)
    add_bits((bits & 0x800FFFFFFFFFFFFF) | (exponent_field << 52))

for bits in values:
    print("%016x %s" % (bits, repr(from_bits(bits))))
