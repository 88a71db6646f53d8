# str.format and %-formatting applied to every built-in value kind
values = [0, -1, 2 ** 40, 1.0, -2.5, 1e100, "s", True, False]
for value in values:
    print("{}|{!r}|{:>12}|".format(value, value, str(value)), "%s|%r|%8s|" % (value, value, value))
for value in (1, -12345, 2 ** 65, True):
    print("{:d} {:x} {:o} {:b} {:e} {:.2f} {:%}".format(value, value, value, value, value, value, value))
for value in (0.5, -1234.5678, 1e-10, 1e16, float("inf"), float("nan")):
    print("{:f} {:e} {:g} {:.3} {:10.3g}|".format(value, value, value, value, value))
    print("%f %e %g %.3g %10.3f|" % (value, value, value, value, value))
