#!/usr/bin/env python3
"""Compares `xipy compile` with mpy-cross 1.29 byte for byte over the round trip's sources.

For every compilation tools/compiler_round_trip.py makes with the reference `bin/mpy-cross`
(every `.py` of ../shared/micropython/tests and tests/programs, and tests/programs again with
`-msmall-int-bits=15` and with `-O3`; its cache in build/compiler_round_trip/ is reused and
filled when missing), `build/xipy compile` compiles the same source with the same options.
A file mpy-cross writes must come out byte-identical; when it does not, this reports the first
differing raw code and line of the disassembly, and the file xipy wrote must still pass
`xipy verify`. A file mpy-cross rejects must be rejected too, with the same error type, message
and line. tests/compiler/syntax_errors/ and compile_errors/ (sources MicroPython rejects while
parsing and while compiling) are checked the same way, and so is template_strings/ (t-strings,
which compile). tests/compiler/single_input/ (REPL
statements) and eval_input/ (eval() expressions) are compiled by `xipy compile --mode` and by
the reference's own compiler, whose bytecode micropython-coverage -v -v -v prints; every raw
code must match byte for byte.

The share of identical files may only rise: it must reach the floor in
tests/compiler/compile_identical_floor.txt (a percentage), and a run that beats the floor by
more than 0.1 points says so, so the floor can be raised with it.

Usage: tools/compiler_comparison.py [--xipy PATH] [--jobs N] [--verbose]
Exit status 0 when the floor holds, every differing file verifies and every rejection matches;
1 otherwise; 2 when xipy or the reference compiler is missing.
"""
import argparse
import collections
import concurrent.futures
import json
import math
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import compiler_round_trip as round_trip  # noqa: E402  (shares the sources and the cache)

ROOT = round_trip.ROOT
FLOOR_FILE = ROOT / "tests" / "compiler" / "compile_identical_floor.txt"
# Sources MicroPython rejects: while parsing, and in the compile pass.
ERROR_FOLDERS = [ROOT / "tests" / "compiler" / "syntax_errors",
                 ROOT / "tests" / "compiler" / "compile_errors"]
# Sources of our own that neither tests/programs (compiled by mpy-cross 1.19 for the
# conformance run) nor MicroPython's tests cover: t-strings (PEP 750), which only mpy-cross
# 1.29 compiles. They must come out byte-identical like every other source.
OWN_SOURCE_FOLDERS = [ROOT / "tests" / "compiler" / "template_strings"]
DEFAULT_XIPY = ROOT / "build" / "xipy"
# REPL statements and eval() expressions, each compiled by the reference's own compiler with
# its bytecode printed (micropython-coverage -v -v -v), against `xipy compile --mode`. That
# build has sys.settrace, which adds line entries for except clauses that mpy-cross leaves
# out, so these sources keep to statements where the two compilers agree.
MICROPYTHON = round_trip.REFERENCE / "bin" / "micropython-coverage"
INPUT_MODES = [("single", ROOT / "tests" / "compiler" / "single_input"),
               ("eval", ROOT / "tests" / "compiler" / "eval_input")]
RAW_BYTECODE = re.compile(r"Raw bytecode \(code_info_size=\d+, bytecode_size=\d+\):\n"
                          r"((?: [0-9a-f]{2}(?: [0-9a-f]{2})*\n)+)")


def error_of(stderr):
    """(type and message, line) of a compile error as mpy-cross and xipy print it."""
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    lines = [line for line in text.splitlines() if line.strip()]
    kind = lines[-1].strip() if lines else "?"
    found = re.findall(r'line (\d+)', text)
    return kind, int(found[-1]) if found else 0


def first_difference(xipy, expected, actual):
    """Where two .mpy files first differ, by raw code and disassembly line."""
    def disassembly(path):
        run = subprocess.run([str(xipy), "dis", str(path)], capture_output=True, text=True,
                             errors="replace", timeout=60)
        return run.stdout.splitlines()
    left, right = disassembly(expected), disassembly(actual)
    code = "header"
    for position in range(max(len(left), len(right))):
        a = left[position] if position < len(left) else "<end>"
        b = right[position] if position < len(right) else "<end>"
        match = re.match(r"\s*raw code (\d+): (\S+)", a)
        if match:
            code = f"raw code {match.group(1)} ({match.group(2)})"
        if a != b:
            return f"{code}: mpy-cross '{a.strip()}', xipy '{b.strip()}'"
    data_a, data_b = Path(expected).read_bytes(), Path(actual).read_bytes()
    offset = next((i for i in range(min(len(data_a), len(data_b))) if data_a[i] != data_b[i]),
                  min(len(data_a), len(data_b)))
    return f"same disassembly, bytes differ at offset {offset}"


def raw_codes_of(xipy, path):
    """The function data of every raw code in a .mpy file, depth first, as hex."""
    data = Path(path).read_bytes()
    run = subprocess.run([str(xipy), "dis", "--json", str(path)], capture_output=True,
                         text=True, timeout=60)
    codes = []

    def walk(code):
        # The data starts at file_offset, after its length (shifted left 3) as a 1-2 byte vuint.
        start = code["file_offset"]
        length = data[start - 1]
        if data[start - 2] & 0x80:
            length |= (data[start - 2] & 0x7F) << 7
        codes.append(data[start:start + (length >> 3)].hex(" "))
        for child in code.get("children", []):
            walk(child)
    walk(json.loads(run.stdout)["raw_code"])
    return codes


def compare_input_mode(xipy, scratch, mode, source):
    """One REPL statement or eval() expression: None when the bytes match, else why not."""
    text = source.read_text()
    if mode == "single":
        reference = subprocess.run([str(MICROPYTHON), "-v", "-v", "-v", "-i"], input=text,
                                   capture_output=True, text=True, timeout=60)
        expected = RAW_BYTECODE.findall(reference.stdout)
        name = "<stdin>"
    else:
        reference = subprocess.run([str(MICROPYTHON), "-v", "-v", "-v", "-c",
                                    f"eval({text!r})"], capture_output=True, text=True,
                                   timeout=60)
        expected = RAW_BYTECODE.findall(reference.stdout)[1:]  # after the -c program's own
        name = "<string>"
    expected = [" ".join(block.split()) for block in expected]
    output = Path(scratch) / f"{mode}_{source.stem}.mpy"
    run = subprocess.run([str(xipy), "compile", "--mode", mode, "-s", name, "-o", str(output),
                          str(source)], capture_output=True, text=True, timeout=60)
    if run.returncode != 0:
        return f"xipy rejects it: {run.stderr.strip().splitlines()[-1:]}"
    actual = raw_codes_of(xipy, output)
    if actual != expected:
        return f"MicroPython {expected}, xipy {actual}"
    return None


def compare_one(xipy, scratch, source, expected, options):
    """One compilation: ("identical"|"differs"|"unverified"|"rejected"|"mismatch", detail)."""
    output = Path(scratch) / (re.sub(r"[^A-Za-z0-9_.-]", "_", str(expected)) + ".mpy")
    run = subprocess.run([str(xipy), "compile"] + options +
                         ["-o", str(output), "-s", source.name, str(source)],
                         capture_output=True, timeout=60)
    failed = expected.with_suffix(".failed")
    if not expected.exists():
        reference_error = error_of(failed.read_bytes()) if failed.exists() else ("?", 0)
        if run.returncode == 0:
            return "mismatch", f"mpy-cross rejects it ({reference_error[0]}, line " \
                               f"{reference_error[1]}), xipy compiles it"
        ours = error_of(run.stderr)
        if ours != reference_error:
            return "mismatch", f"mpy-cross '{reference_error[0]}' line {reference_error[1]}, " \
                               f"xipy '{ours[0]}' line {ours[1]}"
        return "rejected", ""
    if run.returncode != 0:
        text = run.stderr.decode("utf-8", "replace").strip().splitlines()
        if run.returncode < 0 or not text:
            return "mismatch", f"xipy compile crashed (status {run.returncode})"
        return "differs", f"xipy rejects it: {text[-1]}"
    if output.read_bytes() == expected.read_bytes():
        output.unlink()
        return "identical", ""
    detail = first_difference(xipy, expected, output)
    verify = subprocess.run([str(xipy), "verify", str(output)], capture_output=True, text=True,
                            timeout=60)
    output.unlink()
    if verify.returncode != 0:
        return "unverified", detail + "; " + verify.stdout.strip().splitlines()[-1:][0] \
            if verify.stdout.strip() else detail
    return "differs", detail


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xipy", default=str(DEFAULT_XIPY))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--verbose", action="store_true", help="print every differing file")
    arguments = parser.parse_args()
    xipy = Path(arguments.xipy)
    if not xipy.exists() or not round_trip.MPY_CROSS.exists():
        print(f"compiler_comparison: missing {xipy if not xipy.exists() else round_trip.MPY_CROSS}",
              file=sys.stderr)
        return 2

    cache = round_trip.CACHE / round_trip.compiler_stamp()
    pairs = []
    for base in round_trip.SOURCES:
        for source in sorted(base.rglob("*.py")):
            relative = source.relative_to(base.parent)
            pairs.append((source, cache / relative.with_suffix(".mpy"), []))
    for folder, options in round_trip.VARIANTS:
        base = ROOT / "tests" / "programs"
        for source in sorted(base.rglob("*.py")):
            relative = source.relative_to(base.parent)
            pairs.append((source, cache / folder / relative.with_suffix(".mpy"), options))
    for folder in ERROR_FOLDERS + OWN_SOURCE_FOLDERS:
        for source in sorted(folder.glob("*.py")):
            pairs.append((source, cache / folder.name / source.with_suffix(".mpy").name, []))
    with concurrent.futures.ThreadPoolExecutor(arguments.jobs) as pool:
        list(pool.map(lambda item: round_trip.compile_one(*item), pairs))

    modes = [(mode, source) for mode, folder in INPUT_MODES
             for source in sorted(folder.glob("*.py"))] if MICROPYTHON.exists() else []
    with tempfile.TemporaryDirectory() as scratch:
        with concurrent.futures.ThreadPoolExecutor(arguments.jobs) as pool:
            results = list(pool.map(lambda item: compare_one(xipy, scratch, *item), pairs))
            mode_results = list(pool.map(
                lambda item: compare_input_mode(xipy, scratch, *item), modes))

    by_folder = collections.defaultdict(collections.Counter)
    causes = collections.Counter()
    reports = []
    for (source, expected, options), (outcome, detail) in zip(pairs, results):
        folder = str(expected.parent.relative_to(cache)).split("/")
        folder = "/".join(folder[:2])
        by_folder[folder][outcome] += 1
        if outcome in ("differs", "unverified", "mismatch"):
            name = str(expected.relative_to(cache))
            reports.append((outcome, f"{outcome} {name}: {detail}"))
            cause = re.sub(r"'[^']*'", "'…'", detail.split(": ", 1)[-1])
            causes[re.sub(r"\d+", "N", cause)[:100]] += 1

    shown = [text for _, text in reports]
    for line in shown if arguments.verbose else shown[:30]:
        print(line)
    if not arguments.verbose and len(shown) > 30:
        print(f"... and {len(shown) - 30} more (--verbose lists them all)")
    print("differences by cause:")
    for cause, count in causes.most_common(15):
        print(f"  {count:5d}  {cause}")
    print("by folder (identical / compared; rejections matched):")
    for folder, counts in sorted(by_folder.items()):
        compared = counts["identical"] + counts["differs"] + counts["unverified"]
        print(f"  {folder:32s} {counts['identical']:5d} / {compared:5d}; "
              f"{counts['rejected']} rejected alike, {counts['mismatch']} mismatched")

    identical = sum(counts["identical"] for counts in by_folder.values())
    compared = sum(counts["identical"] + counts["differs"] + counts["unverified"]
                   for counts in by_folder.values())
    unverified = sum(counts["unverified"] for counts in by_folder.values())
    mismatched = sum(counts["mismatch"] for counts in by_folder.values())
    percentage = 100.0 * identical / compared if compared else 0.0
    floor = float(FLOOR_FILE.read_text().split()[0])
    print(f"{len(pairs)} compilations; byte-identical to mpy-cross: {identical} of {compared} "
          f"({percentage:.2f}%), floor {floor:.2f}%")
    mode_differences = [f"{mode} input {source.name}: {detail}"
                        for (mode, source), detail in zip(modes, mode_results) if detail]
    for line in mode_differences:
        print(line)
    print(f"REPL and eval inputs: {len(modes) - len(mode_differences)} of {len(modes)} "
          f"byte-identical to MicroPython's own compiler")
    status = 0
    if mode_differences:
        status = 1
    if unverified:
        print(f"{unverified} files xipy wrote fail xipy's verifier")
        status = 1
    if mismatched:
        print(f"{mismatched} files accepted or rejected unlike mpy-cross")
        status = 1
    if percentage < floor:
        print(f"below the floor of {floor:.2f}% ({FLOOR_FILE.relative_to(ROOT)})")
        status = 1
    elif percentage > floor + 0.1:
        # Rounded down, so the new floor never lies above what was measured.
        print(f"above the floor: raise {FLOOR_FILE.relative_to(ROOT)} to "
              f"{math.floor(percentage * 100) / 100:.2f}")
    return status


if __name__ == "__main__":
    sys.exit(main())
