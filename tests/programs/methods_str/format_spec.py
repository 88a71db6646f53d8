# str.format: the format-spec mini-language on ints, floats and strs, and its errors
print("{:>8}|{:<8}|{:^8}|{:*^9}".format("ab", "cd", "ef", "gh"))
print("{:+d} {: d} {:05d} {:=+7d} {:,} {:_x}".format(5, 5, -42, 42, 1234567, 0xABCDEF))
print("{:#b} {:#o} {:#x} {:#X} {:c}".format(5, 8, 255, 255, 65))
print("{:.3f} {:10.2e} {:g} {:%} {:.1%}".format(3.14159, 12345.678, 0.0001, 0.25, 0.123))
print("{0}{1}{0} {name}={value:.2f}".format("x", "y", name="pi", value=3.14159))
print("{:{}}|{:>{w}.{p}f}".format("ab", 5, 2.71828, w=8, p=3))
print("{!r} {!s} {{literal}} {}".format("q", 3, [1, 2]))
print("{:5}|{:<5}|{:>5}".format(True, 1.5, "s"))
for template, arguments in (
    ("{", ()),
    ("}", ()),
    ("{0}{}", (1, 2)),
    ("{}{0}", (1, 2)),
    ("{:d}", ("s",)),
    ("{:s}", (1.5,)),
    ("{2}", (1,)),
    ("{:x}", (None,)),
    ("{!z}", (1,)),
):
    try:
        print(template.format(*arguments))
    except Exception as error:
        print(type(error).__name__, error)
try:
    "{missing}".format()
except KeyError as error:
    print("KeyError", error)
