# expect: cpython
# int.bit_length over zero, negatives, powers of two and big integers (the reference build lacks it)
for value in [0, 1, 2, 3, 255, 256, -1, -256, 2**31, 2**64 - 1, -(2**100)]:
    print(value, value.bit_length())
print((1000).bit_length(), (-1000).bit_length(), (2**70 + 1).bit_length())
