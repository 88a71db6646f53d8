# Constant loading: small ints at boundaries, large ints, floats, bytes, strings, None/True/False.
print(-17, -16, -1, 0, 46, 47, 48, 63, 64, 127, 128, 255, 256, 65535, 65536)
print(2147483647, -2147483648, 4294967296, 9223372036854775807, -9223372036854775808)
print(1073741823, 1073741824, -1073741824, -1073741825)
print(0.0, -0.0, 1.0, 0.1, 123.456, 1e100, 1e-100)
print(b'', b'\x01\x02', 'unicode \u00fc')
print(None, True, False, ...)
def returns_constants():
    return (1, 'two', 3.0, b'four', None)
print(returns_constants())
print(returns_constants() is not returns_constants() or True)
long_string = 'x' * 3 + 'a fairly long string constant that is not interned maybe'
print(len(long_string))
