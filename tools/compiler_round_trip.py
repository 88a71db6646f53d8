#!/usr/bin/env python3
"""Proves the compiler's back end byte for byte against mpy-cross 1.29, before any compile pass exists.

Every `.py` of ../shared/micropython/tests and of tests/programs is compiled by the reference
`bin/mpy-cross` into build/compiler_round_trip/ (kept while the source and the compiler are
unchanged, so a second run compiles nothing); tests/programs also with `-msmall-int-bits=15`
(a narrower small int: more int constants, another header byte) and with `-O3` (no line
numbers). build/tests/compiler_round_trip/compiler_round_trip
then loads each `.mpy`, replays it through the emitter (labels, line numbers, constants, qstrs,
stack and exception-stack sizing, jump sizing) and writes it again; the rewritten file must
pass xipy's verifier, and this reports where it first differs from mpy-cross's bytes.

The share of identical files may only rise: it must reach the floor in
tests/compiler_round_trip/identical_floor.txt (a percentage), and a run that beats the floor
by more than 0.1 points says so, so the floor can be raised with it.

Usage: tools/compiler_round_trip.py [--tool PATH] [--jobs N] [--verbose]
Exit status 0 when the floor holds and every rewritten file verifies; 1 otherwise; 2 when the
tool or the reference compiler is missing.
"""
import argparse
import collections
import concurrent.futures
import hashlib
import math
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "micropython"
MPY_CROSS = REFERENCE / "bin" / "mpy-cross"
SOURCES = [REFERENCE / "tests", ROOT / "tests" / "programs"]
# Further passes over tests/programs with other mpy-cross options: (folder name, options).
VARIANTS = [("small-int-bits-15", ["-msmall-int-bits=15"]), ("optimised-3", ["-O3"])]
CACHE = ROOT / "build" / "compiler_round_trip"
FLOOR_FILE = ROOT / "tests" / "compiler_round_trip" / "identical_floor.txt"
DEFAULT_TOOL = ROOT / "build" / "tests" / "compiler_round_trip" / "compiler_round_trip"
BATCH = 200


def compiler_stamp():
    """Cached files are only reused for the same mpy-cross binary."""
    return hashlib.sha256(MPY_CROSS.read_bytes()).hexdigest()[:16]


def compile_one(source, output, options):
    """Compiles one file unless its cached .mpy is newer; returns the .mpy or None."""
    failed = output.with_suffix(".failed")
    if output.exists() and output.stat().st_mtime >= source.stat().st_mtime:
        return output
    if failed.exists() and failed.stat().st_mtime >= source.stat().st_mtime:
        return None
    output.parent.mkdir(parents=True, exist_ok=True)
    run = subprocess.run([str(MPY_CROSS)] + options +
                         ["-o", str(output), "-s", source.name, str(source)],
                         capture_output=True, timeout=60)
    if run.returncode != 0 or not output.exists():
        failed.write_bytes(run.stderr)
        return None
    return output


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tool", default=str(DEFAULT_TOOL))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--verbose", action="store_true", help="print every differing file")
    arguments = parser.parse_args()
    tool = Path(arguments.tool)
    if not tool.exists() or not MPY_CROSS.exists():
        print(f"compiler_round_trip: missing {tool if not tool.exists() else MPY_CROSS}",
              file=sys.stderr)
        return 2

    cache = CACHE / compiler_stamp()
    pairs = []
    for base in SOURCES:
        for source in sorted(base.rglob("*.py")):
            relative = source.relative_to(base.parent)
            pairs.append((source, cache / relative.with_suffix(".mpy"), []))
    for folder, options in VARIANTS:
        base = ROOT / "tests" / "programs"
        for source in sorted(base.rglob("*.py")):
            relative = source.relative_to(base.parent)
            pairs.append((source, cache / folder / relative.with_suffix(".mpy"), options))
    with concurrent.futures.ThreadPoolExecutor(arguments.jobs) as pool:
        compiled = [path for path in pool.map(lambda item: compile_one(*item), pairs) if path]

    lines = []
    for start in range(0, len(compiled), BATCH):
        batch = [str(path) for path in compiled[start:start + BATCH]]
        run = subprocess.run([str(tool)] + batch, capture_output=True, text=True)
        if run.returncode not in (0, 3):
            print(run.stderr, file=sys.stderr)
            print(f"compiler_round_trip: {tool} failed with status {run.returncode}",
                  file=sys.stderr)
            return 1
        lines.extend(line for line in run.stdout.splitlines()
                     if not line.startswith("identical ") or not re.match(r"identical \d+ of", line))

    identical = sum(1 for line in lines if line.startswith("identical "))
    differing = [line for line in lines if line.startswith("differs ")]
    unverified = [line for line in lines if line.startswith("unverified ")]
    skipped = sum(1 for line in lines if line.startswith("skipped "))
    compared = identical + len(differing) + len(unverified)

    causes = collections.Counter()
    for line in differing:
        cause = line.split(": ", 1)[1] if ": " in line else "?"
        causes[re.sub(r" of .*$", "", re.sub(r"\d+", "N", cause))] += 1
    for line in differing if arguments.verbose else differing[:20]:
        print(line.replace(str(cache) + "/", ""))
    if not arguments.verbose and len(differing) > 20:
        print(f"... and {len(differing) - 20} more (--verbose lists them all)")
    for line in unverified:
        print(line.replace(str(cache) + "/", ""))
    print("differences by cause:")
    for cause, count in causes.most_common():
        print(f"  {count:5d}  {cause}")

    percentage = 100.0 * identical / compared if compared else 0.0
    floor = float(FLOOR_FILE.read_text().split()[0])
    print(f"{len(pairs)} compilations, {len(compiled)} done by mpy-cross, {skipped} not loadable; "
          f"identical after the round trip: {identical} of {compared} ({percentage:.2f}%), "
          f"floor {floor:.2f}%")
    if unverified:
        print(f"{len(unverified)} rewritten files fail xipy's verifier")
        return 1
    if percentage < floor:
        print(f"below the floor of {floor:.2f}% ({FLOOR_FILE.relative_to(ROOT)})")
        return 1
    if percentage > floor + 0.1:
        # Rounded down, so the new floor never lies above what was measured.
        print(f"above the floor: raise {FLOOR_FILE.relative_to(ROOT)} to "
              f"{math.floor(percentage * 100) / 100:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
