# The program examples/embed_cpp runs on two VMs, each with its own sys.argv and globals.
import sys

name = sys.argv[1]
total = 0
for number in range(1, 101):
    total += number * len(name)
print(name, "computed", total)


def fail():
    raise ValueError("worker " + name + " gives up")


fail()
