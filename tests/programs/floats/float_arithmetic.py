# Float arithmetic results: sums, products, quotients, powers, negation and accumulation.
print(0.1 + 0.2, 0.1 * 3, 1.0 - 0.9, 3.0 / 7.0, 2.0 ** 0.5, 10.0 / 4)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10, 2.0 ** -1074)
print(7.0 / 2, -7.0 / 2, 7 / 2, 1 / 4, 6 / 3, -9 / 3)
print(2.0 ** 10, (-2.0) ** 3, 4.0 ** -2, 0.0 ** 0, 9 ** 0.5, 2 ** 0.5)
total = 0.0
for step in range(10):
    total += 0.1
print(total, total == 1.0, abs(total - 1.0) < 1e-9)
product = 1.0
for step in range(1, 21):
    product *= step
print(product, product / 3, -product)
values = [1.5, -2.25, 3.125, 1e10, -1e-10]
print(sum(values), max(values), min(values), abs(-2.5), -(-2.5), +1.5)
x = 10.0
x += 2.5
x *= 2
x -= 0.5
x /= 4
x **= 2
print(x)
print(1e16 + 1, 1e16 + 2, 2.0**53 + 1.0, 0.1 ** 10)
