# str % args: conversions, flags, width and precision, mappings and errors
print("%d %i %u %5d %-5d| %05d %+d" % (1, 2, 3, 4, 5, -6, 7))
print("%x %X %o %#x %#o %08.3f" % (255, 255, 8, 255, 8, 3.14159))
print("%e %E %g %G %.2e %10.4f|" % (12345.678, 0.00012, 1e-5, 1e20, 5.0, 2.5))
print("%s %r %5s %-5s| %.2s %c %c" % ("s", "r", "ab", "cd", "xyz", 65, "q"))
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%(name)s is %(age)d, %%" % {"name": "Ann", "age": 30})
print("%s" % [1, 2], "%s" % (1,), "%d%%" % 50)
print("%d" % 3.99, "%s" % None, "%r" % b"b")
for pattern, arguments in (
    ("%d", "a"),
    ("%s %s", (1,)),
    ("%s", (1, 2)),
    ("%z", 1),
    ("%", 1),
    ("%(a)s", 1),
    ("%c", "ab"),
    ("%f", "x"),
):
    try:
        print(pattern % arguments)
    except Exception as error:
        print(type(error).__name__, error)
