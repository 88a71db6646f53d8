# float() of ints, big ints, bools, strings and floats; float() with no argument.
print(float(), float(0), float(-3), float(True), float(2**53), float(2**53 + 1), float(10**22), float(-(10**18)))
print(float('3'), float('-2.5e-3'), float(' 7 '), float('1_000') if False else float('1000'), float(1.25), float('-0'))
print(float(123456789), float(2**63), float(-2**63), float(12345678901234567890))
print(int(float('12.75')), float(int('12')), str(float(1)), repr(float(-1)))
