#!/usr/bin/env python3
"""Runs MicroPython's command-line tests (tests/cmdline of the reference) on xipy and on the reference.

Each tests/cmdline/NAME.py of ../shared/micropython runs twice, as MicroPython's run-tests.py
runs it: on the reference `micropython` and on xipy, and the two outputs must be equal (the
expected output is always the reference's own, never a hand-written file or xipy's):
- `repl_*.py`: the program starts with its `# cmdline:` options on a pseudo-terminal and the
  file is typed into it line by line (`{\\x03}`-style escapes become control keys; a
  `# sigint:` test gets the terminal as its controlling one, so Ctrl-C raises SIGINT), then
  Ctrl-D ends it. The banner (everything before the first prompt) is left out of the
  comparison, since it names the implementation;
- the others: `PROGRAM OPTIONS FILE`, stdout and stderr together.
Both run in the reference's tests/ folder, so `-m cmdline.NAME` finds its module.
tests/cmdline/ of this project holds more tests of the same form (options and REPL behaviour
MicroPython's own do not cover); they run the same way, by their absolute path.

Tests the reference itself skips (it prints SKIP) are not counted. Tests listed in
tests/micropython_suite/cmdline_known_failures.txt (NAME.py  REASON) are expected to fail;
a listed test that passes is an error, so the list only shrinks.

Usage: tools/cmdline_tests.py XIPY [--verbose] [NAME ...]
Exit status 0 when every test passes or fails as listed, 1 otherwise, 2 on bad usage.
"""

import argparse
import os
import pathlib
import re
import select
import signal
import subprocess
import sys

from reference_micropython import MICROPYTHON, ROOT, TESTS, missing

CMDLINE = TESTS / "cmdline"
OWN_CMDLINE = ROOT / "tests" / "cmdline"
KNOWN_FAILURES = ROOT / "tests" / "micropython_suite" / "cmdline_known_failures.txt"
TIMEOUT = 30
QUIET_SECONDS = 0.05


def options_of(path):
    """The test's `# cmdline:` options and whether it wants Ctrl-C delivered as SIGINT."""
    options = []
    sigint = False
    for line in path.read_bytes().splitlines():
        if line.startswith(b"# cmdline:"):
            options += line[len(b"# cmdline:"):].decode().split()
        elif line.startswith(b"# sigint:"):
            sigint = True
        elif not line.startswith(b"#"):
            break
    return options, sigint


def read_until_quiet(master, wait_for_something=False):
    """What the program wrote until it has been quiet for a moment."""
    output = b""
    while True:
        ready, _, _ = select.select([master], [], [], QUIET_SECONDS)
        if ready:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                return output
            if not chunk:
                return output
            output += chunk
        elif output or not wait_for_something:
            return output


def run_on_terminal(command, path, sigint):
    """Types the test into `command` on a pseudo-terminal; the banner and the rest apart."""
    import pty

    master, slave = pty.openpty()
    preexec = None
    if sigint:
        import fcntl
        import termios

        def preexec():
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)
            os.tcsetpgrp(0, os.getpid())

    try:
        process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=subprocess.STDOUT,
                                   bufsize=0, preexec_fn=preexec, cwd=TESTS)
        banner = read_until_quiet(master, True)
        output = b""
        for line in path.read_bytes().splitlines(keepends=True):
            if sigint and b"{\\x03}" in line:
                os.write(master, b"\x03")
                output += read_until_quiet(master, True)
                continue
            line = re.sub(rb"{\\x(\d\d)}", lambda match: bytes([int(match.group(1), 16)]), line)
            os.write(master, line)
            output += read_until_quiet(master)
        os.write(master, b"\x04")
        read_until_quiet(master)
        try:
            process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    finally:
        os.close(master)
        os.close(slave)
    # The banner's last line is the first prompt, which is compared.
    return banner.rpartition(b"\n")[2] + output


def run_test(binary, path):
    options, sigint = options_of(path)
    if path.name.startswith("repl_"):
        return run_on_terminal([str(binary)] + options, path, sigint)
    name = path.relative_to(TESTS) if path.is_relative_to(TESTS) else path
    completed = subprocess.run([str(binary)] + options + [str(name)],
                               cwd=TESTS, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               timeout=TIMEOUT)
    return completed.stdout + b"[exit status %d]\n" % completed.returncode


def read_known_failures():
    known = {}
    for line in KNOWN_FAILURES.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, reason = line.partition(" ")
            known[name] = reason.strip()
    return known


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("xipy", type=pathlib.Path)
    parser.add_argument("--verbose", action="store_true", help="show the output of failures")
    parser.add_argument("names", nargs="*", help="tests to run (NAME.py); default: all")
    arguments = parser.parse_intermixed_args()
    problem = missing()
    if problem or not arguments.xipy.exists():
        print("cmdline_tests:", problem or f"no {arguments.xipy}")
        return 2
    xipy = arguments.xipy.resolve()
    known = read_known_failures()
    tests = sorted(CMDLINE.glob("*.py")) + sorted(OWN_CMDLINE.glob("*.py"))
    if arguments.names:
        tests = [test for test in tests if test.name in arguments.names]
    passed, known_failed, skipped, problems = 0, 0, 0, []
    for test in tests:
        expected = run_test(MICROPYTHON, test)
        if b"\nSKIP\n" in b"\n" + expected.replace(b"\r", b""):
            skipped += 1
            continue
        actual = run_test(xipy, test)
        ok = actual == expected
        if ok and test.name in known:
            problems.append(f"{test.name}: passes but is listed as a known failure")
        elif not ok and test.name not in known:
            problems.append(f"{test.name}: output differs")
            if arguments.verbose:
                print(f"--- {test.name} expected\n{expected!r}\n--- actual\n{actual!r}")
        elif ok:
            passed += 1
        else:
            known_failed += 1
    for name in sorted(set(known) - {test.name for test in tests}):
        if not arguments.names:
            problems.append(f"{name}: listed but not found")
    for problem in problems:
        print("FAIL", problem)
    print(f"cmdline tests: {passed} passed, {known_failed} known failures, {skipped} skipped by "
          f"the reference, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
