#!/usr/bin/env python3
"""Runs the test corpus on xipy and compares every output with the reference's.

For each tests/programs/<area>/<name>.py it runs `XIPY run --net-loopback
<corpus>/<area>/<name>.mpy` (in tests/programs, with a 10 s timeout; standard input is
<name>.in when it exists, else empty; sockets may reach this machine only) and checks:
- stdout equals <name>.exp byte for byte;
- when <name>.err exists (the reference ended with an uncaught exception or a nonzero
  sys.exit), stderr equals it byte for byte and the exit status is nonzero: exactly 1 when
  the expected stderr is a traceback;
- otherwise the exit status is 0 and stderr is empty.
A program with the line `# host: writable directory` among its first three runs instead in a
fresh empty temporary directory that it may change (`--fs-root DIR --fs-write`), as its
reference run does (tools/regenerate_expected.py), so no run changes the tree.
Every program must pass, except those listed in tests/programs/known_failures.txt: the
programs xipy does not pass yet, each with the reason. They are run too and reported as
known failures, never as passes; a listed program that passes is an error, so the list
can only shrink. Work whose programs are on the list is not finished.

Usage: tools/run_conformance.py XIPY_BINARY [--corpus build/corpus]
           [--programs tests/programs] [--jobs 2] [--verbose] [--run-option OPTION]...
           [AREA_OR_FILE ...]
--run-option passes OPTION to every `xipy run` (e.g. --no-side-tables: the same outputs
without the VM's caches).
A selector is an area name (e.g. `strings`), an area/name pair (`strings/format`) or a
path to a program's .py. Exit status 0 when all selected programs pass, 1 otherwise,
2 on bad usage (e.g. a missing binary or an empty corpus).
"""

import argparse
import concurrent.futures
import difflib
import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
TIMEOUT_SECONDS = 10
DIFF_LINES = 20


WRITABLE_MARKER = "# host: writable directory"


def writes_files(program):
    """Whether the program runs in a scratch directory granted for writing."""
    with open(program, encoding="utf-8") as source:
        return any(source.readline().strip() == WRITABLE_MARKER for _ in range(3))


class Outcome:
    """What one program did and why it failed, if it did (`problems` is empty on success)."""

    def __init__(self, program, problems, details=""):
        self.program = program
        self.problems = problems
        self.details = details

    @property
    def ok(self):
        return not self.problems


def short_diff(expected, actual, label):
    expected_lines = expected.decode("utf-8", "replace").splitlines(keepends=True)
    actual_lines = actual.decode("utf-8", "replace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(expected_lines, actual_lines, f"expected {label}",
                                      f"xipy {label}", n=1))
    if len(lines) > DIFF_LINES:
        lines = lines[:DIFF_LINES] + [f"... ({len(lines) - DIFF_LINES} more diff lines)\n"]
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def check_output(program, relative, returncode, stdout, stderr):
    """Judges one run of `program` (its exit status and output bytes) against its .exp and
    .err files; tools/firmware_test.py judges the firmware's runs with it too."""
    expected_stdout = program.with_suffix(".exp").read_bytes()
    error_path = program.with_suffix(".err")
    problems = []
    details = ""
    if returncode < 0:
        problems.append(f"killed by signal {-returncode}")
    if stdout != expected_stdout:
        problems.append("stdout differs")
        details += short_diff(expected_stdout, stdout, "stdout")
    if error_path.exists():
        expected_stderr = error_path.read_bytes()
        wanted_status = 1 if expected_stderr.startswith(b"Traceback") else None
        if returncode == 0 or (wanted_status is not None and returncode != wanted_status):
            problems.append(f"exit status {returncode}, expected "
                            f"{wanted_status if wanted_status is not None else 'nonzero'}")
        if stderr != expected_stderr:
            problems.append("stderr differs")
            details += short_diff(expected_stderr, stderr, "stderr")
    else:
        if returncode != 0:
            problems.append(f"exit status {returncode}, expected 0")
        if stderr:
            problems.append("unexpected stderr")
            details += short_diff(b"", stderr, "stderr")
    return Outcome(relative, problems, details)


def run_one(binary, options, programs_dir, corpus_dir, program):
    relative = program.relative_to(programs_dir)
    compiled = corpus_dir / relative.with_suffix(".mpy")
    if not compiled.is_file():
        return Outcome(relative, [f"no compiled file {compiled} (run `make corpus`)"])
    try:
        input_path = program.with_suffix(".in")
        stdin = input_path.read_bytes() if input_path.exists() else b""
        if writes_files(program):
            with tempfile.TemporaryDirectory(prefix="xipy-program-") as scratch:
                run = subprocess.run([str(binary), "run", *options, "--net-loopback",
                                      "--fs-root", scratch,
                                      "--fs-write", str(compiled.resolve())], cwd=scratch,
                                     input=stdin,
                                     capture_output=True, timeout=TIMEOUT_SECONDS)
        else:
            run = subprocess.run([str(binary), "run", *options, "--net-loopback", str(compiled)],
                                 cwd=programs_dir,
                                 input=stdin, capture_output=True, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return Outcome(relative, [f"timed out after {TIMEOUT_SECONDS} s"])
    return check_output(program, relative, run.returncode, run.stdout, run.stderr)


def select_programs(programs_dir, selectors):
    every = sorted(path for path in programs_dir.rglob("*.py") if path.with_suffix(".exp").exists())
    if not selectors:
        return every, []
    chosen = []
    unknown = []
    for selector in selectors:
        path = pathlib.Path(selector)
        if path.suffix == ".py" and path.exists():
            matches = [program for program in every if program.resolve() == path.resolve()]
        else:
            text = selector.removesuffix(".py").strip("/")
            matches = [program for program in every
                       if program.relative_to(programs_dir).parts[0] == text
                       or program.relative_to(programs_dir).with_suffix("").as_posix() == text]
        if not matches:
            unknown.append(selector)
        chosen.extend(program for program in matches if program not in chosen)
    return chosen, unknown


def read_known_failures(path):
    """Returns {area/name: reason} from lines `area/name.py  reason`; '#' starts a comment."""
    known = {}
    if not path.exists():
        return known
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, reason = line.partition(" ")
            known[name.removesuffix(".py")] = reason.strip()
    return known


def print_table(outcomes, known):
    areas = {}
    for outcome in outcomes:
        area = outcome.program.parts[0] if len(outcome.program.parts) > 1 else "."
        counts = areas.setdefault(area, [0, 0, 0])
        name = outcome.program.with_suffix("").as_posix()
        counts[0 if outcome.ok else (2 if name in known else 1)] += 1
    width = max([len("area")] + [len(area) for area in areas])
    print(f"{'area':<{width}}  {'ok':>4}  {'failed':>6}  {'known':>5}")
    for area in sorted(areas):
        ok, failed, known_failed = areas[area]
        print(f"{area:<{width}}  {ok:>4}  {failed:>6}  {known_failed:>5}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", type=pathlib.Path, help="the xipy program to test")
    parser.add_argument("selectors", nargs="*", metavar="AREA_OR_FILE",
                        help="areas, area/name pairs or .py paths (default: every program)")
    parser.add_argument("--corpus", type=pathlib.Path, default=ROOT / "build" / "corpus",
                        help="compiled programs (default: build/corpus)")
    parser.add_argument("--programs", type=pathlib.Path, default=ROOT / "tests" / "programs",
                        help="programs with .exp/.err (default: tests/programs)")
    parser.add_argument("--jobs", type=int, default=2, help="programs run at once (default 2)")
    parser.add_argument("--verbose", action="store_true", help="show a short diff per failure")
    parser.add_argument("--known-failures", type=pathlib.Path,
                        default=ROOT / "tests" / "programs" / "known_failures.txt",
                        help="programs not passing yet, with reasons "
                             "(default: tests/programs/known_failures.txt)")
    parser.add_argument("--run-option", action="append", default=[], metavar="OPTION",
                        help="an option for every `xipy run`, e.g. --no-side-tables (repeatable)")
    # Intermixed, so selectors may follow options: `run_conformance.py XIPY --verbose strings`.
    arguments = parser.parse_intermixed_args()

    binary = arguments.binary.resolve()
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        print(f"run_conformance: {arguments.binary} is not an executable", file=sys.stderr)
        return 2
    programs_dir = arguments.programs.resolve()
    corpus_dir = arguments.corpus.resolve()
    if not corpus_dir.is_dir() or not any(corpus_dir.rglob("*.mpy")):
        print(f"run_conformance: no .mpy files in {corpus_dir} (run `make corpus`)",
              file=sys.stderr)
        return 2
    programs, unknown = select_programs(programs_dir, arguments.selectors)
    if unknown:
        print(f"run_conformance: no programs match {', '.join(unknown)}", file=sys.stderr)
        return 2
    if not programs:
        print(f"run_conformance: no programs with .exp files in {programs_dir}",
              file=sys.stderr)
        return 2

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, arguments.jobs)) as pool:
        outcomes = list(pool.map(
            lambda program: run_one(binary, arguments.run_option, programs_dir, corpus_dir,
                                    program),
            programs))

    known = read_known_failures(arguments.known_failures)
    failed = []
    known_failed = []
    passing_but_listed = []
    for outcome in outcomes:
        name = outcome.program.with_suffix("").as_posix()
        if outcome.ok:
            if name in known:
                passing_but_listed.append(outcome)
            continue
        (known_failed if name in known else failed).append(outcome)
        label = "KNOWN" if name in known else "FAIL"
        print(f"{label} {outcome.program.as_posix()}: {'; '.join(outcome.problems)}")
        if arguments.verbose and outcome.details:
            print(outcome.details, end="")
    for outcome in passing_but_listed:
        print(f"PASSES BUT LISTED {outcome.program.as_posix()}: remove it from "
              f"{arguments.known_failures.name}")
    print_table(outcomes, known)
    ok_count = len(outcomes) - len(failed) - len(known_failed)
    print(f"conformance: {ok_count} ok, {len(known_failed)} known failures "
          f"(not passing yet, see {arguments.known_failures.name}), "
          f"{len(failed) + len(passing_but_listed)} unexpected")
    return 1 if failed or passing_but_listed else 0


if __name__ == "__main__":
    sys.exit(main())
