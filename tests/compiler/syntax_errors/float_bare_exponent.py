# An exponent with no digits.
value = 1e
