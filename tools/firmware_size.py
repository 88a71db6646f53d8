#!/usr/bin/env python3
"""Flash use of a firmware ELF (text + rodata) by layer of src/, from `arm-none-eabi-nm --size-sort`.

A symbol counts towards the layer its C++ namespace names (xipy::vm:: is src/vm/, and
the namespaces follow the folders); the C API's xipy_* functions count as api; a template
of the standard library instantiated for xipy's types (std::vector<xipy::object::Value>)
counts as "C++ templates"; everything else with a name is the C and C++ runtime (newlib,
libstdc++, libgcc) or the board port. Bytes without a symbol (string literals, alignment)
are shown as such, so the rows add up to the total that `arm-none-eabi-size` reports. Names
that share an address (libgcc's __aeabi_dadd is __adddf3, newlib-nano's _vfiprintf_r is
_vfprintf_r) are one piece of code and count once.

Usage: tools/firmware_size.py FIRMWARE.elf [--top N]
"""

import argparse
import collections
import re
import subprocess
import sys

def group_of(name):
    match = re.match(r"(?:\{lambda\(\)#\d+\}::)?xipy::(\w+)::", name)
    if match:
        return f"src/{match.group(1)}"
    if name.startswith("xipy_"):
        return "src/api"
    if name.startswith("vtable for xipy::") or name.startswith("typeinfo"):
        return "src/" + name.split("::")[1] if "xipy::" in name else "C and C++ runtime, board port"
    if "xipy::" in name:
        return "C++ templates"
    if re.match(r"program_\d+$", name):
        return "embedded .mpy programs"
    return "C and C++ runtime, board port"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("elf")
    parser.add_argument("--top", type=int, default=0, help="also list the N largest symbols")
    arguments = parser.parse_args()

    size = subprocess.run(["arm-none-eabi-size", "-A", arguments.elf], capture_output=True,
                          text=True, check=True).stdout
    flash = sum(int(fields[1]) for fields in (line.split() for line in size.splitlines())
                if len(fields) >= 3 and fields[0] in (".vectors", ".text", ".ARM.exidx",
                                                      ".ARM.extab"))
    symbols = subprocess.run(["arm-none-eabi-nm", "--size-sort", "-C", "-S", arguments.elf],
                             capture_output=True, text=True, check=True).stdout
    groups = collections.Counter()
    largest = []
    counted = set()
    for line in symbols.splitlines():
        fields = line.split(" ", 3)
        if len(fields) < 4 or fields[2] not in "tTrRwW" or fields[0] in counted:
            continue
        counted.add(fields[0])
        bytes_ = int(fields[1], 16)
        groups[group_of(fields[3])] += bytes_
        largest.append((bytes_, fields[3]))
    groups["unnamed (string literals, alignment)"] = flash - sum(groups.values())
    print(f"{'part':<40} {'bytes':>9}")
    for group, bytes_ in groups.most_common():
        print(f"{group:<40} {bytes_:>9,}")
    print(f"{'total text + rodata':<40} {flash:>9,}")
    for bytes_, name in sorted(largest, reverse=True)[:arguments.top]:
        print(f"{bytes_:>9,}  {name[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
