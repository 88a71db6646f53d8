# sys.implementation, print_exception to a stream, version, maxsize, byteorder
import sys, io
print(sys.implementation._mpy & 0xFF, sys.implementation._mpy >> 8)
print(type(sys.implementation.name), sys.maxsize, sys.byteorder, sys.version_info[:2])
stream = io.StringIO()
try:
    {}["missing"]
except KeyError as error:
    sys.print_exception(error, stream)
print(stream.getvalue().splitlines()[-1])
try:
    int("x")
except ValueError as error:
    sys.print_exception(error, sys.stdout) if False else print(type(error).__name__)
print(type(sys.argv), type(sys.path), type(sys.modules))
sys.stdout.write("written\n")
