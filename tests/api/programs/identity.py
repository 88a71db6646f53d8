# Run on two VMs with different sys.argv: each must see only its own module state.
import sys

name = sys.argv[1]
total = 0
for number in range(1, 2001):
    total += number % (len(name) + 3)


class Registry:
    names = []


Registry.names.append(name)
sys.argv.append("seen")
print(name, total, Registry.names, sys.argv[1:])
