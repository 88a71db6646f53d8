# Mixed-sign big-int addition and subtraction, including results that shrink back to small ints.
a = 2**90 + 12345
b = -(2**90)
print(a + b, b + a, a - 2**90, b - a, -b - a)
print(abs(b), -b, +b, abs(-a) == a)
values = [2**64, -(2**64), 2**63, -(2**63), 2**31, -(2**31)]
for x in values:
    print([x + y for y in values])
for x in values:
    print([x - y for y in values])
total = 0
for step in range(1, 100):
    total += (-1) ** step * 10**step
print(total)
counter = 2**65
for step in range(10):
    counter -= 2**62
print(counter, counter - 2**62 * 22)
