# print with sep, end and file, and its argument errors
import sys

print(1, 2, 3, sep="-")
print("a", "b", sep="", end="|\n")
print("no newline", end="")
print()
print(*[1, "x", None, 2.5], sep=", ")
print(sep="+")
print("to stdout", file=sys.stdout)
print("to", "stdout", sep="_", end="!\n", file=sys.stdout)
try:
    print("x", sep=3)
except TypeError as error:
    print("TypeError", error)
