# expect: micropython 1.29
# '%c' and format()'s 'c' print the character of any code point; outside 0..0x10FFFF they raise.
for code in (65, 233, 321, 0x65E5, 0x1F600, 0x10FFFF):
    print("%c" % code, "{:c}".format(code), "[%3c]" % code, "[{:>4c}]".format(code), f"{code:c}")
print(repr("%c" % 0xD800), repr("{:c}".format(0xDFFF)))
for code in (-1, 0x110000, 2**40, 2**70):
    for make in (lambda: "%c" % code, lambda: "{:c}".format(code)):
        try:
            make()
        except OverflowError as error:
            print("OverflowError", error)
