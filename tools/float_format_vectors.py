# Prints float conversion test vectors (e E f F g G %) for xipy, computed by the reference VM.
#
# Regenerate with:
#   node tests/reference/micropython.mjs tools/float_format_vectors.py \
#       > tests/unit/number/data/float_format_vectors.txt
#
# Each line is "<16 hex digits: the double's bits>|<conversion>|<precision or -1>|
# <sign flag: '-' none, '+' or ' '>|<formatted text>". e, f and g (and their upper-case
# forms) come from the % operator, % from str.format; both use the same formatter.
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


def format_one(value, conversion, precision, sign):
    flag = "" if sign == "-" else sign
    if conversion == "%":
        spec = "{:" + flag + ("" if precision < 0 else "." + str(precision)) + "%}"
        return spec.format(value)
    spec = "%" + flag + ("" if precision < 0 else "." + str(precision)) + conversion
    return spec % value


def emit(bits, conversions, precisions, signs):
    value = from_bits(bits)
    for conversion in conversions:
        for precision in precisions:
            for sign in signs:
                text = format_one(value, conversion, precision, sign)
                print("%016x|%s|%d|%s|%s" % (bits, conversion, precision, sign, text))


generator = Lcg(1142)
all_precisions = [-1] + list(range(0, 21)) + [25, 30, 40]
some_precisions = [-1, 0, 1, 2, 5, 10, 15, 16, 17, 18, 19, 20, 30]
few_precisions = [-1, 0, 3, 17, 30]
values = []
seen = set()


def add(value):
    add_bits(to_bits(value))


def add_bits(bits):
    bits &= MASK
    if bits not in seen:
        seen.add(bits)
        values.append(bits)


# Hand-picked values get every precision.
for bits in [0, 1 << 63, 0x7FF0000000000000, 0xFFF0000000000000, 0x7FF8000000000000, 1,
             0x000FFFFFFFFFFFFF, 0x0010000000000000, 0x7FEFFFFFFFFFFFFF]:
    add_bits(bits)
for exponent in list(range(-22, 36)) + [-310, -300, -200, -100, 100, 200, 300, 308]:
    bits = to_bits(float("1e%d" % exponent))
    add_bits(bits)
    if exponent % 3 == 0:
        add_bits(bits - 1)
        add_bits(bits + 1)
for value in [0.5, 1.5, 2.5, 0.125, 0.375, 1.0005, 2.675, 1.005, 9.5, 9.95, 0.95, 99.5,
              999999.5, 0.0005, 0.00015, 1 / 3, 2 / 3, 0.1 + 0.2, 9.7, 123456.789,
              3.14159265358979, 2 ** 53, 2 ** 60, 2 ** 64, 1.5e24, 1.5e25, 1.5e26,
              12345678901234567890.0, 0.1, 0.7, 1e-5 * 3, 999.9999999, 0.9999999999,
              0.99999999999999999, 4.35, 1.45, 5e-7, 5.5e-7]:
    add(value)
    add(-value)
hand_picked = len(values)
# Random values get a selection of precisions.
for _ in range(120):
    digits = 1 + generator.below(8)
    add(float("%de%d" % (generator.below(10 ** digits) + 1, generator.below(60) - 30)))
for _ in range(120):
    exponent_field = 1023 - 80 + generator.below(160)
    add_bits((generator.next() & 0x800FFFFFFFFFFFFF) | (exponent_field << 52))
for _ in range(30):
    add_bits(generator.next())

for index, bits in enumerate(values):
    emit(bits, "efg", all_precisions if index < hand_picked else some_precisions, "-")
# Upper case, signs and percent on a subset.
for index, bits in enumerate(values):
    if index % 8 == 0:
        emit(bits, "EFG%", few_precisions, "-+ ")
    else:
        emit(bits, "%", [-1, 2, 30], "-")
