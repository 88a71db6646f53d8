"""Where the native MicroPython reference (binaries and its test suite) is, for the tools that run it.

The project uses it from `../shared/micropython` relative to its root, as CI has it; the
environment variable REFERENCE_MICROPYTHON points elsewhere (e.g. from a git worktree).
"""

import os
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
LOCATION = pathlib.Path(os.environ.get("REFERENCE_MICROPYTHON",
                                       ROOT.parent / "shared" / "micropython")).resolve()
TESTS = LOCATION / "tests"
MICROPYTHON = LOCATION / "bin" / "micropython"
MICROPYTHON_COVERAGE = LOCATION / "bin" / "micropython-coverage"
MPY_CROSS = LOCATION / "bin" / "mpy-cross"
UNITTEST = LOCATION / "lib" / "unittest" / "__init__.py"
PERF_BENCH = TESTS / "perf_bench"


def missing():
    """None when the reference is there, else a message saying what is missing."""
    for path in (MICROPYTHON, MPY_CROSS, TESTS):
        if not path.exists():
            return (f"no native MicroPython reference: {path} is missing (expected at "
                    f"../shared/micropython or $REFERENCE_MICROPYTHON)")
    return None
