# Prints float(text) test vectors for xipy's float parsing, computed by the reference VM.
#
# Regenerate with:
#   node tests/reference/micropython.mjs tools/float_parse_vectors.py \
#       > tests/unit/number/data/float_parse_vectors.txt
#
# Each line is "<the text's bytes in hex, or '-' for empty> <result>", where the result
# is the 16 hex digits of the double's bits, or "ValueError:<message>".
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


texts = []


def add(text):
    texts.append(text)


def exact_midpoint_above(bits):
    # The decimal text of the exact midpoint between a positive double and the next.
    exponent_field = (bits >> 52) & 0x7FF
    mantissa = bits & ((1 << 52) - 1)
    if exponent_field:
        mantissa |= 1 << 52
        binary_exponent = exponent_field - 1075
    else:
        binary_exponent = -1074
    numerator = 2 * mantissa + 1
    shift = binary_exponent - 1
    if shift >= 0:
        return str(numerator << shift), 0
    return str(numerator * 5 ** -shift), shift


# Syntax: whitespace, signs, underscores, words, malformed input.
for text in ["0", "-0", "+0", "0.0", "-0.0", "1", "-1", "+1.5", ".5", "5.", ".", "e5", "E5",
             "_", "1_", "_1", "1__0", "1_000.000_5", "1e", "1e+", "1e-", "1e5_0", "1e_5",
             "1E+5", "1e+05", "inf", "INF", "-inf", "+inf", "Infinity", "-INFINITY",
             "infinit", "infx", "in", "nan", "NaN", "-nan", "+nan", "nanx", "na", " nan ",
             "\t\n\x0b\x0c\r1.5\r\n", " 1", "1 ", "1 2", "", " ", "+", "-", "+-1", "--1",
             "1.2.3", "1e5e5", "1e5.5", "..5", "5..", "0x10", "1j", "1.5j", "1,5", "١",
             "1\x00", "\x001", "1e99999999999999999999", "1e-99999999999999999999",
             "0e99999", "0.0e-99999", "00000000000000000000000001.5", "000.000",
             "1" * 30, "9" * 25, "9" * 19 + "." + "9" * 10, "1." + "9" * 40,
             "0." + "0" * 400 + "1e400", "1" + "0" * 400 + "e-400", "123456789" * 5,
             "1.8446744073709551615e19", "18446744073709551615", "18446744073709551616",
             "1844674407370955161", "1844674407370955162", "1844674407370955161.5",
             "9007199254740993", "9007199254740993.0000000000001", "9007199254740995",
             "2.4703282292062327e-324", "2.4703282292062328e-324", "4.9e-324", "5e-324",
             "1e-323", "2.2250738585072011e-308", "2.2250738585072014e-308",
             "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
             "1e308", "1e309", "1e-400", "0.1", "0.2", "0.3", "3.14159", "2.718281828459045"]:
    add(text)

# Powers of ten as text.
for exponent in range(-350, 350):
    add("1e%d" % exponent)
    add("5e%d" % exponent)

generator = Lcg(7)
# repr and long formatted forms of random doubles.
for _ in range(1500):
    bits = generator.next()
    if ((bits >> 52) & 0x7FF) == 0x7FF:
        continue
    value = from_bits(bits)
    add(repr(value))
    if generator.below(3) == 0:
        add("%.17g" % value)
        add("%.20e" % value)
for _ in range(500):
    bits = (generator.next() & 0x800FFFFFFFFFFFFF) | ((1023 - 60 + generator.below(120)) << 52)
    value = from_bits(bits)
    add(repr(value))
    add("%.25f" % value)

# Random digit strings of every length, with random exponents.
for _ in range(1500):
    digit_count = 1 + generator.below(30)
    digits = "".join(str(generator.below(10)) for _ in range(digit_count))
    point = generator.below(digit_count + 1)
    text = digits[:point] + "." + digits[point:]
    add("%se%d" % (text, generator.below(660) - 330))

# Exact midpoints between neighbouring doubles, cut to a few lengths around the 19
# digits the reference keeps (the full expansions run to hundreds of digits).
for _ in range(600):
    bits = generator.next() & 0x7FFFFFFFFFFFFFFF
    if bits >= 0x7FEFFFFFFFFFFFFF:
        continue
    if generator.below(2):
        bits = (bits & 0x800FFFFFFFFFFFFF) | ((1023 - 70 + generator.below(140)) << 52)
    digits, exponent = exact_midpoint_above(bits)
    for length in [17, 19, 20, 40]:
        kept = digits[:length]
        add("%se%d" % (kept, exponent + len(digits) - len(kept)))

for text in texts:
    encoded = text.encode()
    try:
        result = "%016x" % to_bits(float(text))
    except ValueError as error:
        result = "ValueError:" + str(error)
    print("%s %s" % (encoded.hex() if encoded else "-", result))
