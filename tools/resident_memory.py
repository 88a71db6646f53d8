#!/usr/bin/env python3
"""Checks that xipy's process stays within its heap limit plus a fixed allowance.

Each program of tests/resident_memory/ fills the heap one way (small objects, big strings, big
integers, dicts, deep recursion, native loops). It is compiled by the reference mpy-cross and
run on xipy under each heap limit; the peak resident memory of the process (ru_maxrss) must not
exceed the limit plus ALLOWANCE, the executable, the C library and the VM's bookkeeping outside
the heap (docs/vm-internals.md, "Memory"). Each program must end normally: the ones that fill
the heap catch their MemoryError. xipy runs with --stats, and the VM's own account must agree:
its heap's peak (peak_bytes_in_use) within the limit. The table shows that peak and what the
side tables held at the end (name caches, the class lookup table, the most spare pages).

With --reference, native MicroPython runs the same files with the same heap sizes, and its
peaks are printed beside xipy's (it is not checked; its big-integer squaring is slow).

Usage: tools/resident_memory.py [--xipy build/xipy] [--reference]
"""

import argparse
import os
import pathlib
import subprocess
import sys
import tempfile

import reference_micropython
import run_statistics

ROOT = pathlib.Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "tests" / "resident_memory"
HEAP_LIMITS = {"1M": 1 << 20, "8M": 8 << 20, "32M": 32 << 20}
ALLOWANCE = 8 << 20
MEBIBYTE = 1 << 20
TIME = "/usr/bin/time"


def peak_resident_bytes(command, cwd=None):
    """Runs `command`; returns (exit status, output, peak resident bytes of the process).

    Measured by GNU time (package `time`): a child forked from this Python process would count
    Python's own pages in its peak, since Linux keeps the peak across exec.
    """
    with tempfile.NamedTemporaryFile(mode="r") as report:
        run = subprocess.run([TIME, "-f", "%M", "-o", report.name, *command], cwd=cwd,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        kilobytes = report.read().strip().splitlines()[-1]
        return run.returncode, run.stdout.decode(errors="replace"), int(kilobytes) * 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xipy", default=str(ROOT / "build" / "xipy"))
    parser.add_argument("--reference", action="store_true",
                        help="also run native MicroPython and print its peaks")
    arguments = parser.parse_args()
    if not os.access(TIME, os.X_OK):
        print(f"{TIME} is missing: install the Debian package `time`", file=sys.stderr)
        return 1
    problem = reference_micropython.missing()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    compiled = ROOT / "build" / "resident_memory"
    compiled.mkdir(parents=True, exist_ok=True)
    programs = sorted(PROGRAMS.glob("*.py"))
    for program in programs:
        subprocess.run([str(reference_micropython.MPY_CROSS), "-o",
                        str(compiled / (program.stem + ".mpy")), "-s", program.name,
                        program.name], cwd=PROGRAMS, check=True)
    failures = 0
    header = (f"{'program':<14} {'heap':>5} {'xipy peak':>10} {'over heap':>10} "
              f"{'VM heap peak':>13} {'side tables':>12}")
    print(header + ("  micropython peak" if arguments.reference else ""))
    for program in programs:
        image = compiled / (program.stem + ".mpy")
        for name, limit in HEAP_LIMITS.items():
            status, output, peak = peak_resident_bytes(
                [arguments.xipy, "run", "--stats", "--heap-size", name, "--max-depth", "1000000",
                 str(image)])
            figures = run_statistics.statistics_of(output)
            heap_peak = figures.get("peak_bytes_in_use")
            tables = run_statistics.side_table_bytes(figures)
            line = (f"{program.stem:<14} {name:>5} {peak / MEBIBYTE:>8.1f} M "
                    f"{(peak - limit) / MEBIBYTE:>8.1f} M "
                    f"{'-' if heap_peak is None else f'{heap_peak / MEBIBYTE:.2f} M':>13} "
                    f"{tables:>12,}")
            if arguments.reference:
                _, _, reference_peak = peak_resident_bytes(
                    [str(reference_micropython.MICROPYTHON), "-X", f"heapsize={name}", "-m",
                     program.stem], cwd=compiled)
                line += f"  {reference_peak / MEBIBYTE:>8.1f} M"
            print(line)
            if status != 0:
                print(f"  FAILED: exit status {status}: {output.strip()[-300:]}")
                failures += 1
            elif heap_peak is None:
                print("  FAILED: no `xipy stats:` figures in the output")
                failures += 1
            elif heap_peak > limit:
                print(f"  FAILED: the VM's heap peak {heap_peak} is over its limit")
                failures += 1
            elif peak > limit + ALLOWANCE:
                print(f"  FAILED: more than the heap limit plus {ALLOWANCE // MEBIBYTE} MiB")
                failures += 1
    runs = len(programs) * len(HEAP_LIMITS)
    print(f"resident memory: {runs - failures} of {runs} runs within the heap limit plus "
          f"{ALLOWANCE // MEBIBYTE} MiB")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
