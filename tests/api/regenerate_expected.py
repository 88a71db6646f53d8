#!/usr/bin/env python3
"""Writes the expected outputs of tests/api/programs with the reference MicroPython.

Each run in RUNS compiles programs/NAME.py with the reference mpy-cross (recording the
name "NAME.py", as the CMake build does), runs it on the reference MicroPython 1.27 with
the given arguments and writes programs/NAME[.ARGS].exp (stdout) and, when it exits
nonzero, programs/NAME[.ARGS].err (stderr). Never generate these with xipy.

Usage: tests/api/regenerate_expected.py
"""

import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
PROGRAMS = HERE / "programs"
REFERENCE = HERE.parent / "reference"

# (program, arguments): the runs whose outputs the API tests compare against.
# Two expected outputs are made by hand with the reference's unix build instead, as they need
# what a plain run cannot give: host_native.exp by `micropython host_native.py` in programs/,
# where hostmod.py (the Python model of the test's native module) answers `import hostmod`;
# host_input.exp by `printf 'typed line\n' | micropython host_input.py`, keeping only the
# program's own line (the reference's line editor also echoes the typed line).
RUNS = [
    ("greeting", []),
    ("identity", ["alpha"]),
    ("identity", ["beta"]),
    ("raising", []),
    ("exiting", []),
    ("exhaust_heap", []),
    ("recursion", []),
    ("busy", ["left"]),
    ("busy", ["right"]),
    ("long_byte_generators", []),
]


def main():
    with tempfile.TemporaryDirectory() as work:
        for name, arguments in RUNS:
            compiled = pathlib.Path(work) / f"{name}.mpy"
            subprocess.run(["node", str(REFERENCE / "mpy-cross.js"), f"{name}.py", "-o",
                            str(compiled)], cwd=PROGRAMS, check=True)
            run = subprocess.run(["node", str(REFERENCE / "micropython.mjs"), str(compiled),
                                  *arguments], capture_output=True, timeout=120)
            stem = ".".join([name, *arguments])
            (PROGRAMS / f"{stem}.exp").write_bytes(run.stdout)
            error_path = PROGRAMS / f"{stem}.err"
            if run.returncode != 0:
                error_path.write_bytes(run.stderr)
            elif error_path.exists():
                error_path.unlink()
            print(f"{stem}: exit {run.returncode}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
