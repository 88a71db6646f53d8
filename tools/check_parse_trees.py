#!/usr/bin/env python3
"""Compares xipy's parse trees with MicroPython's over MicroPython's tests and ours.

For every .py file under ../shared/micropython/tests, tests/programs and tests/compiler
(whose syntax_errors/ folder holds sources MicroPython rejects), runs
`micropython-coverage -v -v -v -X compile-only FILE` (which prints MicroPython's parse
tree between two "----------------" lines) and `xipy parse FILE`, and compares the two
dumps. When MicroPython rejects the file before printing a tree, the error type, message
and line must match instead. Constant objects print their address in MicroPython's dump,
which is replaced by '*' before comparing.

The number of identical files is a floor kept in tests/compiler/parse_tree_floor.txt: the
check fails if fewer files match, and `--update` raises the floor after an improvement.

Usage: tools/check_parse_trees.py [--xipy build/xipy] [--jobs 2] [--verbose] [--update]
"""
import argparse
import concurrent.futures
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
REFERENCE = ROOT / ".." / "shared" / "micropython" / "bin" / "micropython-coverage"
FLOOR_FILE = ROOT / "tests" / "compiler" / "parse_tree_floor.txt"
SOURCE_FOLDERS = [ROOT / ".." / "shared" / "micropython" / "tests", ROOT / "tests" / "programs",
                  ROOT / "tests" / "compiler"]
CONSTANT_ADDRESS = re.compile(rb"literal const\([0-9a-f]+\)")
MARKER = b"----------------\n"
ERROR_LINE = re.compile(rb'^  File "[^"]*", line (\d+)', re.MULTILINE)
ERROR_TEXT = re.compile(rb"^(\w+Error): (.*)$", re.MULTILINE)


def reference_result(path):
    """('tree', dump) or ('error', (type, message, line)) or ('other', text)."""
    try:
        completed = subprocess.run([str(REFERENCE), "-v", "-v", "-v", "-X", "compile-only", str(path)],
                                   capture_output=True, timeout=20)
    except subprocess.TimeoutExpired:
        return ("other", b"timeout")
    output = completed.stdout + completed.stderr
    start = output.find(MARKER)
    if start >= 0:
        end = output.find(MARKER, start + len(MARKER))
        if end >= 0:
            tree = output[start + len(MARKER):end]
            return ("tree", CONSTANT_ADDRESS.sub(b"literal const(*)", tree))
    return ("error", parse_error(output))


def parse_error(output):
    lines = ERROR_LINE.findall(output)
    texts = ERROR_TEXT.findall(output)
    line = lines[-1] if lines else b"?"
    kind, message = texts[-1] if texts else (b"?", output[-200:])
    return (kind, message.strip(), line)


def xipy_result(xipy, path):
    try:
        completed = subprocess.run([str(xipy), "parse", str(path)], capture_output=True, timeout=20)
    except subprocess.TimeoutExpired:
        return ("other", b"timeout")
    if completed.returncode == 0:
        return ("tree", completed.stdout)
    if completed.returncode == 1 and ERROR_TEXT.search(completed.stdout):
        return ("error", parse_error(completed.stdout))
    return ("other", b"exit status %d: %s" % (completed.returncode, completed.stderr[-300:]))


def first_difference(expected, actual):
    expected_lines = expected.splitlines()
    actual_lines = actual.splitlines()
    for number, (left, right) in enumerate(zip(expected_lines, actual_lines), 1):
        if left != right:
            return f"dump line {number}: expected {left.decode(errors='replace')!r}, got {right.decode(errors='replace')!r}"
    return f"dump lengths differ: {len(expected_lines)} lines expected, {len(actual_lines)} got"


def compare(xipy, path):
    expected = reference_result(path)
    actual = xipy_result(xipy, path)
    if expected == actual:
        return None
    if expected[0] == "tree" and actual[0] == "tree":
        return first_difference(expected[1], actual[1])
    return f"expected {describe(expected)}, got {describe(actual)}"


def describe(result):
    kind, value = result
    if kind == "tree":
        return "a parse tree"
    if kind == "error":
        return "%s: %s (line %s)" % tuple(part.decode(errors="replace") for part in value)
    return value.decode(errors="replace")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xipy", default=str(ROOT / "build" / "xipy"))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--verbose", action="store_true", help="print every differing file")
    parser.add_argument("--update", action="store_true", help="raise the floor to this run's count")
    arguments = parser.parse_args()

    files = sorted(path for folder in SOURCE_FOLDERS for path in folder.resolve().rglob("*.py"))
    with concurrent.futures.ThreadPoolExecutor(arguments.jobs) as pool:
        differences = list(pool.map(lambda path: compare(arguments.xipy, path), files))
    identical = sum(1 for difference in differences if difference is None)
    for path, difference in zip(files, differences):
        if difference is not None and arguments.verbose:
            print(f"{path.relative_to(ROOT.parent.resolve()) if path.is_relative_to(ROOT.parent.resolve()) else path}: {difference}")
    percent = 100.0 * identical / len(files) if files else 0.0
    print(f"parse trees identical to MicroPython's: {identical} of {len(files)} files ({percent:.1f}%)")

    floor = int(FLOOR_FILE.read_text().split()[0]) if FLOOR_FILE.exists() else 0
    if arguments.update:
        if identical < floor:
            print(f"not lowering the floor ({floor}) to {identical}", file=sys.stderr)
            return 1
        FLOOR_FILE.write_text(f"{identical}\n")
        print(f"floor set to {identical}")
        return 0
    if identical < floor:
        print(f"FAILED: below the floor of {floor} identical files ({FLOOR_FILE.name}); "
              "run with --verbose to see the differences", file=sys.stderr)
        return 1
    if identical > floor:
        print(f"above the floor of {floor}: raise it with --update")
    return 0


if __name__ == "__main__":
    sys.exit(main())
