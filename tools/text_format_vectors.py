# Prints format()/str.format and %-format test vectors for xipy's text layer, computed by the reference VM.
#
# Regenerate with:
#   ../shared/micropython/bin/micropython tools/text_format_vectors.py \
#       > tests/unit/text/data/text_format_vectors.txt
#
# Line formats (all text fields are hex of UTF-8 bytes, "-" for empty):
#   F <spec> <kind> <value> <outcome>    '{:<spec>}'.format(value)
#   P <conversion> <kind> <value> <star...> <outcome>   ('%' + conversion) % (stars..., value)
#   R <str> <repr>                       repr(str)
#   B <bytes> <repr>                     repr(bytes)
# kind: i (int, decimal text), b (bool, 0/1), f (float, 16 hex digits of its bits), s (str).
# outcome: "= <hex result>" or "! <ExceptionName> <hex message>".
# Specs and values are chosen by this script alone (fixed-seed generator), so the file only
# changes if MicroPython does.
import struct

MASK = (1 << 64) - 1


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & MASK
        return self.state >> 33

    def pick(self, items):
        return items[self.next() % len(items)]


def hexed(text):
    data = text.encode() if isinstance(text, str) else text
    return data.hex() if data else "-"


def encode_value(value):
    if isinstance(value, bool):
        return "b " + ("1" if value else "0")
    if isinstance(value, int):
        return "i " + str(value)
    if isinstance(value, float):
        return "f " + struct.pack(">d", value).hex()
    return "s " + hexed(value)


def outcome(function):
    try:
        return "= " + hexed(function())
    except Exception as error:
        return "! " + type(error).__name__ + " " + hexed(str(error))


INTS = [0, 5, -5, 42, -42, 255, 1234567, -1234567, 2**40, -(2**70), 10**20, 65]
FLOATS = [0.0, -0.0, 1.5, -1.5, 3.14159, 1e100, -1.5e300, 1e-07, 123456.789, 0.5,
          float("nan"), float("inf"), float("-inf"), 2.5, 1234567.0]
STRS = ["", "ab", "hello", "\u00e9", "h\u00e9llo"]

FILL_ALIGN = ["", "<", ">", "^", "=", "*<", "0>", "x^", "0=", "_>"]
SIGNS = ["", "+", " ", "-"]
WIDTHS = ["", "1", "8", "12", "0", "08", "012"]
GROUPS = ["", "", ",", "_"]
PRECISIONS = ["", "", ".0", ".3", ".12"]
TYPES = [""] + list("bcdeEfFgGnosxX%")

random = Lcg(20240607)
specs = ["", "d", "x", ",", "_", "0", "#", "#x", "#o", "#b", "#X", "=", "<", "^", ">", "010",
         "xx", "==10", "+s", "+c", "=10s", ".2d", "10.3s", "-^+#0,.3e", "999999999999",
         ".99999999999", "é<5", "0<10,", "0>10,", "0^10,", "+010,", "#012_x", "010_b", "08,"]
seen = set(specs)
while len(specs) < 420:
    spec = (random.pick(FILL_ALIGN) + random.pick(SIGNS) + random.pick(["", "", "#"]) +
            random.pick(WIDTHS) + random.pick(GROUPS) + random.pick(PRECISIONS) +
            random.pick(TYPES))
    if spec not in seen:
        seen.add(spec)
        specs.append(spec)

for spec in specs:
    pattern = "{:" + spec + "}"
    values = [random.pick(INTS), random.pick(INTS), random.pick(INTS), random.pick(FLOATS),
              random.pick(FLOATS), random.pick(FLOATS), random.pick(STRS), random.pick(STRS),
              random.pick([True, False])]
    for value in values:
        print("F", hexed(spec), encode_value(value), outcome(lambda: pattern.format(value)))

FLAGS = ["", "", "-", "+", " ", "#", "0", "-0", "+0", "#0", "-#", " 0"]
PERCENT_WIDTHS = ["", "", "1", "5", "10", "*"]
PERCENT_PRECISIONS = ["", "", ".", ".0", ".2", ".5", ".*"]
CONVERSIONS = {
    "d": INTS + [1.5, -2.5], "i": INTS, "u": INTS, "x": INTS, "X": INTS, "o": INTS,
    "c": [65, 97, 0x41 + 256, "z"], "e": FLOATS + INTS, "E": FLOATS, "f": FLOATS + INTS,
    "F": FLOATS, "g": FLOATS + INTS, "G": FLOATS, "s": STRS, "r": STRS,
}
STARS = [-5, 0, 3, 8, 12]
for index in range(1500):
    letter = random.pick(sorted(CONVERSIONS))
    conversion = (random.pick(FLAGS) + random.pick(PERCENT_WIDTHS) +
                  random.pick(PERCENT_PRECISIONS) + letter)
    value = random.pick(CONVERSIONS[letter])
    stars = [random.pick(STARS) for _ in range(conversion.count("*"))]
    arguments = tuple(stars) + (value,)
    stars_text = " ".join(str(star) for star in stars) if stars else "-"
    print("P", hexed(conversion), encode_value(value), stars_text,
          outcome(lambda: ("%" + conversion) % arguments))

REPR_STRS = ["", "a", "'", '"', "'\"", "\"'", "a'b", "\\", "\n\r\t\x00\x1f\x7f", "\u00e9",
             "\u00ff\u0100", "\u65e5\u672c", "\U0001f600", "\u2028", "\x80\x9f\xa0",
             "it's", "say \"hi\"", "mixed 'single' and \"double\"", "tab\there"]
for text in REPR_STRS:
    print("R", hexed(text), hexed(repr(text)))
REPR_BYTES = [b"", b"a", b"'", b'"', b"'\"", b"\x00\x7f\x80\xff", b"\\\n\r\t", b"it's",
              bytes(range(0, 256, 7))]
for data in REPR_BYTES:
    print("B", hexed(data), hexed(repr(data)))
