# expect: cpython
# format(): xipy has CPython's builtin (MicroPython's reference build lacks it)
print(format(3.5, "<8") + "|", format("ab", "^6") + "|", format(255, "#x"), format(255, "08b"))
print(format(1234567, ","), format(0.125, ".2%"), format(-7, "+05d"), format(2.0, "e"))
print(format(None), format([1, 2]), format("text"), format(42), format(1.5))


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        return "$" + format(self.cents / 100, spec or ".2f")


print(format(Money(1999)), format(Money(5), ".3f"))
for value, spec in ((1.5, "d"), ("s", "x"), ("s", "=5")):
    try:
        format(value, spec)
    except ValueError as error:
        print("ValueError")
