# Names in '{name}' and '%(name)s' longer than 255 bytes raise RuntimeError, as MicroPython interns them.
for length in (255, 256):
    name = "n" * length
    for make in (lambda: ("%(" + name + ")d") % {name: length}, lambda: ("{" + name + "}").format(**{name: length}),
                 lambda: ("%(" + name + ")s") % {}):
        try:
            print(len(make()))
        except RuntimeError as error:
            print("RuntimeError", error, length)
        except KeyError as error:
            print("KeyError", len(error.args[0]))
