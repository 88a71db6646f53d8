# Big-int floor division, modulo and divmod with all sign combinations.
dividends = [10**30 + 7, -(10**30 + 7), 2**100, -(2**100) + 1]
divisors = [3, -3, 10**15 + 37, -(10**15 + 37), 2**64, -(2**64)]
for a in dividends:
    for b in divisors:
        quotient, remainder = divmod(a, b)
        print(quotient, remainder, quotient * b + remainder == a, a // b == quotient, a % b == remainder)
print(10**50 // 10**25, 10**50 % (10**25 - 1), (10**50 + 5) // 10**50)
print(7 // 2**70, -7 // 2**70, 7 % 2**70, -7 % 2**70)
print(2**70 / 2**69, 10**30 / 4, (-(10**20)) / 3)
