#!/usr/bin/env python3
"""Regenerates the expected outputs of the test programs from the reference MicroPython.

Each tests/programs/<area>/<name>.py is compiled by the pinned reference
mpy-cross, and the resulting .mpy is run on the pinned reference MicroPython
VM. Its stdout is written to <name>.exp. When the run ends with an uncaught
exception, its stderr (the traceback) is written to <name>.err; otherwise any
stale <name>.err is removed.

A program with a <name>.in file beside it gets that file as its standard input;
every other program gets an empty one.

A program whose first line is `# expect: cpython` is a case where xipy follows
CPython rather than MicroPython (see docs/compatibility.md): its expected
stdout comes from python3 running the source instead.

A program whose first line is `# expect: micropython 1.29` tests behaviour that MicroPython
1.27 (the WebAssembly VM above) predates, e.g. repr() printing non-ASCII characters as
themselves or bytes.decode's 'ignore' and 'replace' handlers: it is compiled by the native
reference's mpy-cross and run on the native reference MicroPython 1.29
(tools/reference_micropython.py says where it is).

A program with the line `# host: writable directory` runs in a fresh empty temporary directory
it may change, as tools/run_conformance.py runs it on xipy.

Expected outputs are never produced by xipy itself.
"""

import argparse
import os
import pathlib
import subprocess
import sys
import tempfile

import reference_micropython
from run_conformance import writes_files

ROOT = pathlib.Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "tests" / "programs"
REFERENCE = ROOT / "tests" / "reference"
CPYTHON_MARKER = "# expect: cpython"
NATIVE_MARKER = "# expect: micropython 1.29"
TIMEOUT_SECONDS = 60


def ensure_reference_installed():
    if not (REFERENCE / "node_modules").is_dir():
        subprocess.run(["npm", "ci", "--silent"], cwd=REFERENCE, check=True)


def first_line(source_path):
    with open(source_path, encoding="utf-8") as source:
        return source.readline().strip()


def expects_cpython(source_path):
    return first_line(source_path) == CPYTHON_MARKER


def stdin_bytes(source_path):
    """The program's standard input: its <name>.in file, or nothing."""
    input_path = source_path.with_suffix(".in")
    return input_path.read_bytes() if input_path.exists() else b""


def reference_run(source_path, work_dir):
    """Returns (exit status, stdout bytes, stderr bytes) of the reference run."""
    relative = source_path.relative_to(PROGRAMS)
    environment = None
    if expects_cpython(source_path):
        command = [sys.executable, str(source_path)]
    elif first_line(source_path) == NATIVE_MARKER:
        problem = reference_micropython.missing()
        if problem:
            sys.exit(problem)
        # A module name no folder under tests/programs (the working directory) shadows.
        compiled = pathlib.Path(work_dir) / relative.with_suffix("") / "program_under_test.mpy"
        compiled.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(reference_micropython.MPY_CROSS), str(relative), "-o", str(compiled)],
                       cwd=PROGRAMS, check=True)
        # The native VM runs a .mpy only as an imported module.
        command = [str(reference_micropython.MICROPYTHON), "-m", compiled.stem]
        # ".frozen" keeps the reference's frozen asyncio importable, as its default path does.
        environment = dict(os.environ, MICROPYPATH=str(compiled.parent) + ":.frozen")
    else:
        compiled = pathlib.Path(work_dir) / relative.with_suffix(".mpy")
        compiled.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["node", str(REFERENCE / "mpy-cross.js"), str(relative), "-o", str(compiled)],
            cwd=PROGRAMS, check=True)
        command = ["node", str(REFERENCE / "micropython.mjs"), str(compiled)]
    with tempfile.TemporaryDirectory(prefix="reference-program-") as scratch:
        run = subprocess.run(command, input=stdin_bytes(source_path), capture_output=True,
                             timeout=TIMEOUT_SECONDS,
                             cwd=scratch if writes_files(source_path) else PROGRAMS,
                             env=environment)
    return run.returncode, run.stdout, run.stderr


def regenerate(source_path, work_dir):
    status, stdout, stderr = reference_run(source_path, work_dir)
    source_path.with_suffix(".exp").write_bytes(stdout)
    error_path = source_path.with_suffix(".err")
    if status != 0:
        error_path.write_bytes(stderr)
    elif error_path.exists():
        error_path.unlink()
    return status


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("programs", nargs="*", type=pathlib.Path,
                        help="programs to regenerate (default: every tests/programs/**/*.py)")
    arguments = parser.parse_args()
    ensure_reference_installed()
    programs = [p.resolve() for p in arguments.programs] or sorted(PROGRAMS.rglob("*.py"))
    with tempfile.TemporaryDirectory() as work_dir:
        for program in programs:
            status = regenerate(program, work_dir)
            marker = "" if status == 0 else f"  (exit {status})"
            print(f"{program.relative_to(PROGRAMS)}{marker}")


if __name__ == "__main__":
    main()
