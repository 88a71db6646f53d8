# Long native operations for native_work_test.cpp, one function each, sized by n.
#
# The host runs the one named by sys.argv[1] with n = sys.argv[2], small (it must finish) or
# large (it must stop at the step budget or an interrupt). Inputs are built by cheap means
# (shifts, one repeat) so that the operation itself, not the building, is what uses up the
# budget. Linear operations run n times on an input of SIZE items, with only n loop trips for
# the interpreter to count.
import json
import re
import struct
import sys

SIZE = 100000


def power(n):
    return (7**n) & 1


def int_to_str(n):
    return len(str((1 << (3 * n)) - 1))


def str_to_int(n):
    return int("7" * n) & 1


def hexadecimal(n):
    return len(hex((1 << (3 * n)) - 1))


def division(n):
    return (((1 << (128 * n)) - 1) // ((1 << (64 * n)) - 3)) & 1


def shift(n):
    # 1 << bits costs one limb (the allocation comes zeroed); shifting the result again is a
    # pass over all of its n bytes.
    big = 1 << (n * 8)
    total = 0
    for _ in range(16):
        total += (big << 3) & 1
    return total


def medium_products(n):
    # Each product (63 by 63 limbs) is too small to be charged on its own: what they add up to
    # must still stop the loop, which makes only n trips.
    x = (1 << 4000) + 1
    total = 0
    for _ in range(n):
        total += (x * x) & 1
    return total


def repeat_str(n):
    total = 0
    for _ in range(n):
        total += len("ab" * SIZE)
    return total


def repeat_bytes(n):
    total = 0
    for _ in range(n):
        total += len(b"ab" * SIZE)
    return total


def repeat_list(n):
    total = 0
    for _ in range(n):
        total += len([0, 1] * SIZE)
    return total


def grow_bytearray(n):
    data = bytearray(b"x" * 4096)
    for _ in range(n):
        data += data[:4096]
    return len(data)


def make_bytes(n):
    total = 0
    for _ in range(n):
        total += len(bytes(SIZE)) + len(bytearray(SIZE))
    return total


def sort(n):
    items = [0] * n
    items.sort()
    return len(sorted(items, reverse=True))


def replace(n):
    text = "a" * SIZE
    total = 0
    for _ in range(n):
        total += len(text.replace("a", "bb"))
    return total


def join(n):
    items = ["abc"] * SIZE
    total = 0
    for _ in range(n):
        total += len(",".join(items))
    return total


def split(n):
    text = "a," * SIZE
    total = 0
    for _ in range(n):
        total += len(text.split(","))
    return total


def find(n):
    text = "a" * SIZE
    total = 0
    for _ in range(n):
        total += text.find("b") + text.count("a")
    return total


def percent_format(n):
    total = 0
    for _ in range(n):
        total += len("%*d" % (SIZE, 1)) + len("{:>{}}".format(1, SIZE))
    return total


def regex(n):
    # Backtracking: each start position tries every split of the a's between the two stars.
    return re.search("a*a*b", "a" * n) is None


def regex_sub(n):
    # Many tiny matches: each is a short run of the matcher, charged by the span it covered.
    text = "a" * SIZE
    total = 0
    for _ in range(n):
        total += len(re.sub("a", "b", text))
    return total


def json_dumps(n):
    # A list that holds one short list many times: a small object, a long text.
    shared = [[1, 2, 3]] * 64
    return len(json.dumps([shared] * (n // 64)))


def json_loads(n):
    text = "[" + "1," * SIZE + "1]"
    total = 0
    for _ in range(n):
        total += len(json.loads(text))
    return total


def struct_pack(n):
    total = 0
    for _ in range(n):
        total += len(struct.pack("%dB" % SIZE)) + len(struct.unpack("%dB" % SIZE, bytes(SIZE)))
    return total


print(globals()[sys.argv[1]](int(sys.argv[2])))
