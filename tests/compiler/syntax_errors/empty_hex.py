# A hex prefix with no digits.
value = 0x
