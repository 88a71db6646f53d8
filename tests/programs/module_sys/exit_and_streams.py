# sys.exit raises SystemExit with its argument; stdout/stderr write and print(file=)
import sys
for argument in ((), (0,), (3,), ("message",)):
    try:
        sys.exit(*argument)
    except SystemExit as error:
        print("SystemExit", error.args)
print("to stdout", file=sys.stdout)
print(sys.stdout.write("abc\n"))
print(sys.stderr.write(""))
print(isinstance(sys.implementation.name, str), sys.implementation._mpy & 0xFF)
