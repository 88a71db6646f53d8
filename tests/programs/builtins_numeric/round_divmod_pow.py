# round, divmod, pow, abs, and the base conversions bin/oct/hex
print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234, -2), round(7))
print(round(1.5, 0), round(-1.25, 1), round(15, -1), round(25, -1))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2))
print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(-2, 3, 7), pow(2, 100))
print(abs(-3), abs(2.5), abs(-0.0), abs(3 + 4j), abs(True))
print(bin(10), oct(64), hex(255), hex(-255), bin(0), hex(2 ** 64))
try:
    divmod(1, 0)
except ZeroDivisionError as error:
    print("ZeroDivisionError", error)
try:
    pow(2, 3, 0)
except ValueError as error:
    print("ValueError", error)
try:
    hex(1.5)
except TypeError as error:
    print("TypeError", error)
