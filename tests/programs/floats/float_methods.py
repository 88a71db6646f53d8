# float operations MicroPython offers: is_integer where present, arithmetic, comparisons and int conversion
values = [0.0, 1.5, -2.25, 1e16, 3.0]
for value in values:
    print(value, int(value), value == int(value), value * 2, value / 4)
print(7.0 // 2, 7.0 % 2, -7.0 // 2, -7.0 % 2, 2.0 ** 10, 2 ** 0.5)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, 1.0 == 1, 1.5 > 1)
print(float('inf') > 1e308, -float('inf') < -1e308, float('inf') == float('inf'))
print(round(2.5), round(3.5), round(-2.5), int(-0.9), int(2.9999))
