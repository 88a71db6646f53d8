# divmod and pow across signs, floats, big ints and the 3-argument form
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5)]:
    print(a, b, divmod(a, b))
print(divmod(7.5, 2), divmod(-7.5, 2))
print(divmod(2**70, 3), divmod(-(2**70), 7))
print(pow(2, 10), pow(2, -1), pow(-2, 3), pow(2.0, 0.5))
print(pow(3, 4, 5), pow(2, 100, 1000), pow(7, 0, 3), pow(-3, 3, 7))
print(pow(10, 30))
print(pow(0, 0), pow(0.0, 0))
