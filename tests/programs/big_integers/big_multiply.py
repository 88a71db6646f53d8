# Huge products: factorials, powers of ten and sign handling of big-int multiplication.
def factorial(count):
    result = 1
    for factor in range(2, count + 1):
        result *= factor
    return result

print(factorial(20), factorial(21), factorial(25))
print(factorial(60))
print(len(str(factorial(200))), factorial(100) % 1000000007)
big = 123456789012345678901234567890
print(big * big, big * -big, -big * -big)
print(big * 0, big * 1, big * -1, 0 * -big)
print((10**40 + 1) * (10**40 - 1), 10**80 - 1)
print(2**100 * 3**50, (2**64 - 1) * (2**64 + 1) == 2**128 - 1)
product = 1
for prime in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71):
    product *= prime
print(product, product // 71, product - product // 2 * 2)
print(sum([10**30] * 1000), -(10**30) + 10**30)
