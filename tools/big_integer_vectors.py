# Prints test vectors for xipy::number::BigInteger, computed by the Python that runs it.
#
# The expected values must come from the reference implementations, never from xipy:
#
#   node tests/reference/micropython.mjs tools/big_integer_vectors.py \
#       > tests/unit/number/data/big_integer_vectors.txt
#   python3 tools/big_integer_vectors.py > tests/unit/number/data/big_integer_cpython_vectors.txt
#
# Under MicroPython (the reference VM) it prints the operations where xipy follows
# MicroPython. Under CPython it prints the operations where xipy follows CPython instead:
# correctly rounded int -> float and int / int (MicroPython rounds both operands to float
# first), pow() with a negative exponent (MicroPython returns 0), int.to_bytes ranges and
# signed int.from_bytes (MicroPython 1.27 ignores `signed` there).
#
# Line format, fields separated by one space:
#   OPERATION OPERAND... RESULT...
# Integers are decimal, doubles are "d" + the 16 hex digits of their IEEE bits (big
# endian), byte strings are "x" + their hex digits. A failing operation has the result
# "error TYPE MESSAGE", where MESSAGE runs to the end of the line.
# Randomness comes from a fixed LCG, so both interpreters and every run agree.

import struct
import sys

CPYTHON = sys.implementation.name == "cpython"

# CPython's error texts where xipy uses MicroPython's wording for the same error.
MESSAGE_IN_XIPY = {
    "division by zero": "divide by zero",
    "integer division or modulo by zero": "divide by zero",
    "integer modulo by zero": "divide by zero",
    "int too big to convert": "buffer too small",
    "pow() 3rd argument cannot be 0": "divide by zero",
}

state = 0x2545F4914F6CDD1D


def next_random():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state >> 32


def random_below(limit):
    return next_random() % limit


def random_int(max_bits):
    bits = 1 + random_below(max_bits)
    value = 0
    for _ in range((bits + 31) // 32):
        value = (value << 32) | next_random()
    value &= (1 << bits) - 1
    # Long runs of ones and zeros reach the carry and borrow paths that random limbs rarely do.
    shape = random_below(4)
    if shape == 1:
        value |= ((1 << (bits // 2)) - 1) << (bits - bits // 2)
    elif shape == 2:
        value &= ~(((1 << (bits // 2)) - 1) << (bits // 4))
    if random_below(2):
        value = -value
    return value


def hex_bytes(data):
    return "x" + "".join("%02x" % byte for byte in data)


def double_token(value):
    return "d" + hex_bytes(struct.pack(">d", value))[1:]


def emit(*fields):
    print(" ".join(str(field) for field in fields))


def outcome(function):
    try:
        return function()
    except Exception as error:
        message = str(error)
        message = MESSAGE_IN_XIPY.get(message, message)
        return "error %s %s" % (type(error).__name__, message)


FLOATS = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1.5, -1.5, 2.0 ** 31, 2.0 ** 32, 2.0 ** 53,
          2.0 ** 53 + 2, 2.0 ** 63, -2.0 ** 63, 2.0 ** 64, 2.0 ** 64 * 1.5, 1e20, -1e20,
          123456789.75, -123456789.75, 1e300, -1e300, 1.7976931348623157e308, 5e-324,
          float("inf"), float("-inf"), float("nan")]

EDGE_MAGNITUDES = [0, 1, 2, 3, 7, 1 << 31, (1 << 32) - 1, 1 << 32, (1 << 32) + 1, (1 << 63) - 1,
                   1 << 63, (1 << 64) - 1, 1 << 64, (1 << 64) + 1, (1 << 96) - 1, 1 << 96]
EDGES = []
for magnitude in EDGE_MAGNITUDES:
    EDGES.append(magnitude)
    if magnitude:
        EDGES.append(-magnitude)


def random_operands(count, max_bits):
    return [random_int(max_bits) for _ in range(count)]


def binary_operations(left, right):
    emit("add", left, right, left + right)
    emit("sub", left, right, left - right)
    emit("mul", left, right, left * right)
    emit("floordiv", left, right, outcome(lambda: left // right))
    emit("mod", left, right, outcome(lambda: left % right))
    emit("and", left, right, left & right)
    emit("or", left, right, left | right)
    emit("xor", left, right, left ^ right)
    emit("compare", left, right, (left > right) - (left < right))


def bit_length(value):
    # MicroPython has no int.bit_length().
    return 0 if value == 0 else len(bin(abs(value))) - 2


def micropython_vectors():
    for left in EDGES:
        for right in EDGES:
            binary_operations(left, right)
    for _ in range(300):
        left = random_int(400)
        right = random_int(400 if random_below(2) else 80)
        binary_operations(left, right)
        emit("divmod", left, right, outcome(lambda: "%d %d" % divmod(left, right)))

    # Division shapes that stress quotient estimation: top divisor limbs near 2^31 and
    # 2^32, dividends made of repeated limbs, and exact multiples.
    for _ in range(200):
        divisor_limbs = 2 + random_below(5)
        divisor = 0
        for index in range(divisor_limbs):
            limb = [0x80000000, 0xFFFFFFFF, 0, 1, next_random()][random_below(5)]
            if index == 0 and limb == 0:
                limb = 0x80000000
            divisor = (divisor << 32) | limb
        dividend = 0
        for _ in range(divisor_limbs + random_below(6)):
            limb = [0xFFFFFFFF, 0x7FFFFFFF, 0, next_random()][random_below(4)]
            dividend = (dividend << 32) | limb
        if random_below(3) == 0:
            dividend = divisor * random_int(100) + random_below(3)
        for left, right in ((dividend, divisor), (-dividend, divisor), (dividend, -divisor),
                            (-dividend, -divisor)):
            emit("divmod", left, right, outcome(lambda: "%d %d" % divmod(left, right)))

    # Large operands take the Karatsuba paths (40 limbs and more), balanced and not.
    for left_bits, right_bits in ((1300, 1300), (2600, 1400), (4000, 1300), (5000, 5000),
                                  (3000, 2900), (9000, 1500)):
        for _ in range(3):
            left = random_int(left_bits) | (1 << (left_bits - 1))
            right = random_int(right_bits) | (1 << (right_bits - 1))
            emit("mul", left, right, left * right)
            emit("divmod", left * right + right // 3, right,
                 outcome(lambda: "%d %d" % divmod(left * right + right // 3, right)))
    all_ones = (1 << 2048) - 1
    emit("mul", all_ones, all_ones, all_ones * all_ones)

    for value in EDGES + random_operands(60, 300):
        emit("neg", value, -value)
        emit("abs", value, abs(value))
        emit("invert", value, ~value)
        emit("bitlength", value, bit_length(value))
        emit("format", value, 2, bin(value))
        emit("format", value, 8, oct(value))
        emit("format", value, 10, str(value))
        emit("format", value, 16, hex(value))
    for value in [1, -1, 5, -5] + EDGES[:12] + random_operands(25, 200):
        for count in range(0, 101, 1 if abs(value) < 1 << 64 else 7):
            emit("lshift", value, count, value << count)
            emit("rshift", value, count, value >> count)
        emit("rshift", value, 1000, value >> 1000)

    for base in [0, 1, -1, 2, 3, 7, 10, 16, 255, 256, 1 << 32, (1 << 32) - 1] + \
            random_operands(20, 100):
        for exponent in (0, 1, 2, 3, 5, 10, 31, 64):
            emit("pow", base, exponent, base ** exponent)
    for _ in range(120):
        base = random_int(200)
        # MicroPython's pow(x, 0, m) gives 1 unreduced (0 for x == 0); xipy follows CPython.
        exponent = abs(random_int(120 if random_below(2) else 10)) + 1
        modulus = random_int(150 if random_below(2) else 30)
        emit("powmod", base, exponent, modulus, outcome(lambda: pow(base, exponent, modulus)))
    for base, exponent, modulus in ((2, 10, 1), (2, 10, -1), (0, 3, 5), (-3, 3, 10),
                                    (3, 3, -10), (-(1 << 70), 3, 7), (1 << 70, 3, -7),
                                    (2, 3, 0)):
        emit("powmod", base, exponent, modulus, outcome(lambda: pow(base, exponent, modulus)))

    parse_cases = ["0", "-0", "+0", "00", "000", "0_0", "010", "0010", "-010", "0 1", " 12 ",
                   "\t-34\n", "\x0b\x0c7\x0b", "1\x1c", "", " ", "+", "-", "--1", "+-1", "_",
                   "__", "1_", "_1", "1_2", "1__2", "-_1", "0x", "0x_", "0x1f", "0X1F", "0x1_f",
                   "0o17", "0O17", "0b101", "0B101", "0b", "0b2", "0o8", "0z1", "00x1", "0x0x1",
                   "12a", "1 2", "1'", "1'\"", "1\\\t\n\r\x7f", "12\x00", "\u0661\u0662",
                   "zz", "ZZ", "Zz9", "99999999999999999999999x", "1e5", "1.0", "0_7"]
    for bits in (31, 32, 33, 63, 64, 65, 100, 200, 1000):
        parse_cases += [str(1 << bits), str(-(1 << bits)), str((1 << bits) - 1),
                        "  +" + str(1 << bits) + " ", hex(1 << bits), oct(-(1 << bits)),
                        bin((1 << bits) + 1), "0" + str(1 << bits)]
    for value in random_operands(20, 300):
        parse_cases.append(str(value))
        parse_cases.append(hex(value).upper().replace("0X", "0x"))
    for text in parse_cases:
        for base in (0, 2, 8, 10, 16, 36):
            emit("parse", hex_bytes(text.encode()), base, outcome(lambda: int(text, base)))
    for base in (1, -1, 37):
        emit("parse", hex_bytes(b"1"), base, outcome(lambda: int("1", base)))
    # Every base, with digits written by this script's own conversion.
    digit_characters = "0123456789abcdefghijklmnopqrstuvwxyz"
    for base in range(2, 37):
        for value in random_operands(4, 300) + [0, 1, base - 1, base, 1 << 64]:
            digits = ""
            remaining = abs(value)
            while remaining:
                digits = digit_characters[remaining % base] + digits
                remaining //= base
            text = ("-" if value < 0 else "") + (digits or "0")
            if random_below(2):
                text = text.upper()
            emit("parse", hex_bytes(text.encode()), base, outcome(lambda: int(text, base)))

    for value in FLOATS:
        emit("from_float", double_token(value), outcome(lambda: int(value)))


def cpython_vectors():
    samples = (EDGES + [(1 << 53) - 1, (1 << 53) + 1, (1 << 54) + 3, (1 << 1024) - (1 << 970),
                        (1 << 1024) - (1 << 971), (1 << 1024) - (1 << 969), 1 << 1024,
                        (1 << 1023) + (1 << 970), (1 << 1023) + (1 << 970) + 1]
               + random_operands(150, 1100))
    for value in samples:
        emit("to_float", value, outcome(lambda: double_token(float(value))))
    divisors = EDGES + [3, -3, 10, 7 ** 30, (1 << 1074) + 1, 1 << 1074, 3 << 1070]
    for left in EDGES + [(1 << 1024) * 3, 1 << 2000, 10 ** 400]:
        for right in divisors:
            emit("truediv", left, right, outcome(lambda: double_token(left / right)))
    for _ in range(400):
        left = random_int(1200)
        right = random_int(1200 if random_below(2) else 100)
        emit("truediv", left, right, outcome(lambda: double_token(left / right)))
    # Quotients near the subnormal range and the overflow threshold.
    for numerator, denominator in ((1, 1 << 1074), (1, 1 << 1075), (3, 1 << 1076), (1, 3 << 1073),
                                   (1 << 1100, 1 << 76), ((1 << 1100) - 1, 1 << 76),
                                   (1 << 1100, (1 << 76) - 1), (5, 10 ** 330), (10 ** 330, 7)):
        for left, right in ((numerator, denominator), (-numerator, denominator)):
            emit("truediv", left, right, outcome(lambda: double_token(left / right)))

    # MicroPython compares an int with a float by converting the int to float first;
    # xipy compares exactly, as CPython does.
    for left in EDGES + [(1 << 53) + 1, 1 << 1023, 1 << 1024, (1 << 1024) - 1, -(1 << 1024)]:
        for right in FLOATS:
            emit("compare_float", left, double_token(right),
                 "<" if left < right else "=" if left == right else ">" if left > right else "?")
    for value in [1 << 53, (1 << 53) + 1, 1 << 64, 3 << 100, 1 << 1023]:
        for right in (float(value), float(value) + 2 ** 40, float(value) - 0.5):
            emit("compare_float", value, double_token(right),
                 "<" if value < right else "=" if value == right else ">" if value > right else "?")

    for _ in range(80):
        base = random_int(200)
        exponent = -1 - random_below(1000)
        modulus = random_int(150 if random_below(2) else 20)
        emit("powmod", base, exponent, modulus, outcome(lambda: pow(base, exponent, modulus)))
    for base, exponent, modulus in ((3, -1, 7), (3, -1, -7), (2, -1, 4), (-3, -2, 11),
                                    (5, -1, 1), (0, -1, 5), (2, -1, 0), (5, 0, 7), (5, 0, -7),
                                    (5, 0, 1), (5, 0, -1), (0, 0, 3), (1 << 80, 0, -(1 << 70))):
        emit("powmod", base, exponent, modulus, outcome(lambda: pow(base, exponent, modulus)))

    byte_values = EDGES + [127, 128, 255, 256, -127, -128, -129, -255, -256, 1 << 71, -(1 << 71),
                           (1 << 71) - 1, -(1 << 71) - 1] + random_operands(20, 100)
    for value in byte_values:
        for length in (0, 1, 2, 8, 9, 13):
            for order in ("little", "big"):
                for signed in (False, True):
                    emit("to_bytes", value, length, order, int(signed), outcome(
                        lambda: hex_bytes(value.to_bytes(length, order, signed=signed))))
    byte_strings = [b"", b"\x00", b"\x7f", b"\x80", b"\xff", b"\xff\xff", b"\x00\x80",
                    b"\x80\x00", b"\x01\x02\x03\x04\x05", b"\xff" * 9, b"\x80" + b"\x00" * 8]
    for _ in range(20):
        byte_strings.append(bytes(next_random() & 0xFF for _ in range(random_below(20))))
    for data in byte_strings:
        for order in ("little", "big"):
            for signed in (False, True):
                emit("from_bytes", hex_bytes(data), order, int(signed),
                     int.from_bytes(data, order, signed=signed))


if CPYTHON:
    cpython_vectors()
else:
    micropython_vectors()
