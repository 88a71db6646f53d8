#!/usr/bin/env python3
"""Counts the guest instructions a firmware executes under qemu-system-arm, by function and by part.

QEMU translates guest code in blocks; with `-d in_asm,exec,nochain` it logs each block's
instructions once, when it translates it, and a line each time it runs it. This tool reads
that log as QEMU writes it (through a FIFO, so a run of hundreds of millions of
instructions needs no disk), multiplies, and charges each block to the function that holds
its first instruction (the ELF's symbols, from `arm-none-eabi-nm`). It is a profile of
executed instructions, the measure `-icount shift=0` gives the guest's `ticks_us()`, not of
cycles: a load and a division count one each.

Parts: for xipy's firmware, the src/ layer a C++ namespace names (as tools/firmware_size.py
groups flash); for any firmware, libgcc's software floating point, the C library's memory
functions, and MicroPython's own files by prefix (mp_execute_bytecode is "bytecode
interpreter", gc_* is "garbage collector", ...).

Usage: tools/firmware_profile.py [--stdin FILE] [--until TEXT] [--top N] [--output FILE]
           [--callers FUNCTION]... [--blocks FUNCTION]... FIRMWARE.elf -- QEMU_ARGUMENTS...
The QEMU arguments follow `--` without the logging options, which this tool adds. With
--until, QEMU is stopped once its console output contains TEXT (for a firmware that waits at
a prompt instead of exiting); --stdin feeds FILE to the console.
"""

import argparse
import bisect
import collections
import os
import re
import subprocess
import sys
import tempfile
import threading

import firmware_size

SOFT_FLOAT = re.compile(r"__(aeabi_[dfli]|(add|sub|mul|div|neg|cmp|eq|ne|lt|le|gt|ge|unord|fix|"
                        r"fixuns|float|floatun|extend|trunc)[a-z]*[sd]f\d|clz|ctz|udivmod|divmod)")
MEMORY = {"memcpy", "memmove", "memset", "memcmp", "strlen", "strcmp", "__aeabi_memcpy",
          "__aeabi_memset", "__aeabi_memclr", "__aeabi_memmove"}
# MicroPython's functions by the file they come from (py/vm.c, py/gc.c, py/map.c, ...).
MICROPYTHON_PARTS = [
    (re.compile(r"mp_execute_bytecode"), "bytecode interpreter (py/vm.c)"),
    (re.compile(r"gc_|mp_obj_malloc|m_malloc|m_realloc|m_free"), "garbage collector (py/gc.c)"),
    (re.compile(r"mp_map_|mp_obj_dict|dict_"), "dicts and maps (py/map.c, py/objdict.c)"),
    (re.compile(r"mp_load_|mp_store_|mp_call|mp_obj_call|fun_bc|mp_setup_code_state|"
                r"mp_convert_member|mp_obj_is_callable|mp_native"), "calls and names (py/runtime.c, "
                                                                    "py/objfun.c, py/bc.c)"),
    (re.compile(r"mp_binary_op|mp_unary_op|mp_obj_int|mpz|mp_small_int|mp_obj_new_int|"
                r"int_|mp_obj_float|float_|mp_obj_new_float"), "numbers (py/runtime.c, py/objint*.c, "
                                                              "py/objfloat.c)"),
    (re.compile(r"mp_obj_instance|instance_|mp_obj_class|type_|mp_obj_new_instance|"
                r"mp_obj_get_type|super_"), "classes and instances (py/objtype.c)"),
    (re.compile(r"mp_obj_"), "other objects (py/obj*.c)"),
]


def part_of(name, is_xipy):
    if SOFT_FLOAT.match(name):
        return "software floating point (libgcc)"
    if name in MEMORY:
        return "memcpy, memset, ... (C library)"
    if is_xipy:
        return firmware_size.group_of(name)
    for pattern, part in MICROPYTHON_PARTS:
        if pattern.match(name):
            return part
    return "the rest (C library, board port, other py/ files)"


def read_symbols(elf):
    """Sorted function start addresses and their (demangled) names."""
    listing = subprocess.run(["arm-none-eabi-nm", "-C", "-n", elf], capture_output=True,
                             text=True, check=True).stdout
    starts, names = [], []
    for line in listing.splitlines():
        fields = line.split(" ", 2)
        if len(fields) == 3 and fields[1] in "tTwW":
            # Thumb function symbols carry no mode bit in nm's listing; blocks start at even
            # addresses too, so the two compare directly.
            starts.append(int(fields[0], 16) & ~1)
            names.append(fields[2])
    return starts, names


def parse_log(stream, counts, watched, charged):
    """Reads QEMU's log and adds each executed block's instruction count to counts[pc].

    watched maps a function's first address to its end; the instructions run inside it are
    also added to charged[(first address, caller's block)], where the caller's block is the
    one that last entered the function from outside (for a function that calls nothing
    further, its self cost per call site)."""
    block_sizes = {}
    translating = None
    previous = 0
    callers = {}
    for line in stream:
        if line.startswith("Trace "):
            # "Trace 0: 0x7f... [cs_base/pc/flags/cflags] symbol"
            pc = int(line.split("[", 1)[1].split("/", 2)[1], 16)
            size = block_sizes.get(pc, 0)
            counts[pc] += size
            for start, end in watched.items():
                if start <= pc < end:
                    if pc == start and not start <= previous < end:
                        callers[start] = previous
                    charged[(start, callers.get(start, 0))] += size
            previous = pc
        elif line.startswith("IN:"):
            translating = []
        elif translating is not None:
            if line.startswith("0x"):
                translating.append(int(line.split(":", 1)[0], 16))
            elif not line.strip():
                if translating:
                    block_sizes[translating[0]] = len(translating)
                translating = None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     usage="%(prog)s [options] FIRMWARE.elf -- QEMU_ARGUMENTS...")
    parser.add_argument("elf")
    parser.add_argument("--stdin", help="a file to feed to the console")
    parser.add_argument("--until", help="stop QEMU once its output contains this text")
    parser.add_argument("--top", type=int, default=25, help="how many functions to list")
    parser.add_argument("--output", help="also write QEMU's console output to this file")
    parser.add_argument("--callers", action="append", default=[], metavar="FUNCTION",
                        help="also list the functions that call FUNCTION (a name as listed, or "
                             "the start of one), "
                             "with the instructions FUNCTION ran per caller")
    parser.add_argument("--blocks", action="append", default=[], metavar="FUNCTION",
                        help="also list FUNCTION's hottest blocks by address (to read beside "
                             "`arm-none-eabi-objdump -d`)")
    parser.add_argument("qemu", nargs=argparse.REMAINDER)
    arguments = parser.parse_args()
    qemu = arguments.qemu[1:] if arguments.qemu[:1] == ["--"] else arguments.qemu
    if not qemu:
        parser.error("give the QEMU command after --")

    starts, names = read_symbols(arguments.elf)
    is_xipy = any(name.startswith("xipy::") or name.startswith("xipy_") for name in names)
    def full_name(prefix):
        """The one function whose name is `prefix` or starts with it."""
        if prefix in names:
            return prefix
        matches = sorted({name for name in names if name.startswith(prefix)})
        if len(matches) != 1:
            parser.error(f"{len(matches)} functions in {arguments.elf} start with {prefix!r}")
        return matches[0]

    arguments.callers = [full_name(name) for name in arguments.callers]
    arguments.blocks = [full_name(name) for name in arguments.blocks]
    watched = {}
    for callee in arguments.callers:
        index = names.index(callee)
        following = [start for start in starts[index + 1:] if start > starts[index]]
        watched[starts[index]] = following[0] if following else starts[index] + 1
    counts = collections.Counter()
    charged = collections.Counter()
    with tempfile.TemporaryDirectory() as folder:
        fifo = os.path.join(folder, "qemu.log")
        os.mkfifo(fifo)
        process = subprocess.Popen(
            qemu + ["-d", "in_asm,exec,nochain", "-D", fifo],
            stdin=open(arguments.stdin, "rb") if arguments.stdin else subprocess.DEVNULL,
            stdout=subprocess.PIPE)
        reader = threading.Thread(target=lambda: parse_log(open(fifo, errors="replace"), counts, watched, charged))
        reader.start()
        output = b""
        for chunk in iter(lambda: process.stdout.read1(4096), b""):
            output += chunk
            if arguments.until and arguments.until.encode() in output:
                process.terminate()
                break
        process.wait()
        reader.join()
    if arguments.output:
        with open(arguments.output, "wb") as file:
            file.write(output)

    def function_of(pc):
        index = bisect.bisect_right(starts, pc) - 1
        return names[index] if index >= 0 else "(no symbol)"

    functions = collections.Counter()
    for pc, instructions in counts.items():
        functions[function_of(pc)] += instructions
    total = sum(functions.values())
    if total == 0:
        print("firmware_profile: QEMU logged no executed blocks", file=sys.stderr)
        return 1
    parts = collections.Counter()
    for name, instructions in functions.items():
        parts[part_of(name, is_xipy)] += instructions
    print(f"{total:,} guest instructions")
    print(f"{'part':<58} {'instructions':>13} {'share':>6}")
    for part, instructions in parts.most_common():
        print(f"{part:<58} {instructions:>13,} {100 * instructions / total:>5.1f}%")
    print()
    print(f"{'instructions':>13} {'share':>6}  function")
    for name, instructions in functions.most_common(arguments.top):
        print(f"{instructions:>13,} {100 * instructions / total:>5.1f}%  {name[:110]}")
    for function in arguments.blocks:
        print()
        print(f"{function}'s hottest blocks:")
        blocks = [(instructions, pc) for pc, instructions in counts.items()
                  if function_of(pc) == function]
        for instructions, pc in sorted(blocks, reverse=True)[:arguments.top]:
            print(f"{instructions:>13,} {100 * instructions / total:>5.1f}%  0x{pc:08x}")
    for callee in arguments.callers:
        start = starts[names.index(callee)]
        by_caller = collections.Counter()
        for (function, caller), instructions in charged.items():
            if function == start:
                by_caller[function_of(caller)] += instructions
        print()
        print(f"{callee}'s own instructions by caller:")
        for name, instructions in by_caller.most_common(arguments.top):
            print(f"{instructions:>13,} {100 * instructions / total:>5.1f}%  {name[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
