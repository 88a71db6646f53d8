#!/usr/bin/env python3
"""Compiles the test programs to .mpy with the pinned reference mpy-cross.

Every tests/programs/<area>/<name>.py becomes <out>/<area>/<name>.mpy, and the
name recorded inside is "<area>/<name>.py", relative to tests/programs. Only
programs newer than their .mpy are compiled (all in one node process), and an
.mpy whose program was deleted is removed, so the corpus always mirrors the
sources. Unit tests and tools/check_disassembly.py read this directory.

Usage: tools/compile_corpus.py [--out DIR]   (default: build/corpus)
"""

import argparse
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "tests" / "programs"
MPY_CROSS = ROOT / "tests" / "reference" / "mpy-cross.js"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "build" / "corpus",
                        help="output directory (default: build/corpus)")
    out = parser.parse_args().out.resolve()

    programs = sorted(PROGRAMS.rglob("*.py")) if PROGRAMS.is_dir() else []
    wanted = {program.relative_to(PROGRAMS).with_suffix(".mpy") for program in programs}
    if out.is_dir():
        for stale in out.rglob("*.mpy"):
            if stale.relative_to(out) not in wanted:
                stale.unlink()

    outdated = []
    for program in programs:
        compiled = out / program.relative_to(PROGRAMS).with_suffix(".mpy")
        if not compiled.exists() or compiled.stat().st_mtime < program.stat().st_mtime:
            outdated.append(program)
    if outdated:
        # Paths relative to the repository keep the command short and the
        # recorded names independent of where the repository lives.
        command = ["node", str(MPY_CROSS), "--out-dir", str(out), "--root", "tests/programs"]
        command += [str(program.relative_to(ROOT)) for program in outdated]
        if subprocess.run(command, cwd=ROOT).returncode != 0:
            print("compile_corpus: the reference mpy-cross rejected a program (see above)",
                  file=sys.stderr)
            return 1
    print(f"compile_corpus: {len(programs)} programs in {out} "
          f"({len(outdated)} compiled, {len(programs) - len(outdated)} up to date)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
