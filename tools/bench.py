#!/usr/bin/env python3
"""Times bench/*.py on xipy, CPython and the reference MicroPython, side by side.

Each benchmark is compiled with the reference mpy-cross, then run with `xipy run`,
`python3` and `node tests/reference/micropython.mjs`, interleaved round by round so
machine noise hits all three alike; the best wall time of --runs rounds counts. The
three outputs must agree (the benchmarks print deterministic checksums). The table shows
seconds and the ratios xipy/CPython and xipy/MicroPython (below 1 means xipy is faster),
then the geometric mean of each ratio over the benchmarks every runtime passed.
MicroPython's times include starting Node.js and its WebAssembly VM; the start-up time of
an empty program is printed for each runtime so the numbers can be read with that in mind.

Usage: tools/bench.py [--xipy build/xipy] [--runs 3] [NAME ...]   (default: every bench/*.py)
Exit status 1 when a run fails or the outputs disagree.
"""

import argparse
import math
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
REFERENCE = ROOT / "tests" / "reference"
TIMEOUT_SECONDS = 300


def compile_mpy(source, output):
    subprocess.run(["node", str(REFERENCE / "mpy-cross.js"), source.name, "-o", str(output)],
                   cwd=source.parent, check=True)


def timed_run(command):
    """Returns (seconds, stdout bytes, error text or None)."""
    started = time.perf_counter()
    try:
        run = subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return TIMEOUT_SECONDS, b"", f"timed out after {TIMEOUT_SECONDS} s"
    seconds = time.perf_counter() - started
    if run.returncode != 0:
        last = run.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        return seconds, run.stdout, f"exit {run.returncode}: {last[0]}"
    return seconds, run.stdout, None


def commands_for(xipy, source, compiled):
    return {
        "xipy": [str(xipy), "run", str(compiled)],
        "cpython": [sys.executable, str(source)],
        "micropython": ["node", str(REFERENCE / "micropython.mjs"), str(compiled)],
    }


def measure(commands, runs):
    """Best time per runtime over `runs` interleaved rounds, plus each one's output/error."""
    best = {name: math.inf for name in commands}
    outputs = {}
    errors = {}
    for _ in range(runs):
        for name, command in commands.items():
            if name in errors:
                continue
            seconds, stdout, error = timed_run(command)
            if error is not None:
                errors[name] = error
                continue
            best[name] = min(best[name], seconds)
            outputs[name] = stdout
    return best, outputs, errors


def geometric_mean(values):
    return math.exp(sum(math.log(value) for value in values) / len(values)) if values else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="benchmarks, e.g. fib (default: all)")
    parser.add_argument("--xipy", type=pathlib.Path, default=ROOT / "build" / "xipy",
                        help="the xipy binary (default: build/xipy, the release build)")
    parser.add_argument("--runs", type=int, default=3, help="rounds; the best counts (default 3)")
    arguments = parser.parse_args()
    if not arguments.xipy.is_file():
        print(f"bench: {arguments.xipy} does not exist (run `make`)", file=sys.stderr)
        return 2
    sources = [BENCH / f"{name.removesuffix('.py')}.py" for name in arguments.names] \
        or sorted(BENCH.glob("*.py"))
    missing = [str(source) for source in sources if not source.is_file()]
    if missing:
        print(f"bench: no such benchmark: {', '.join(missing)}", file=sys.stderr)
        return 2

    failed = False
    rows = []
    with tempfile.TemporaryDirectory() as work:
        work_dir = pathlib.Path(work)
        empty = work_dir / "empty.py"
        empty.write_text("pass\n")
        compile_mpy(empty, work_dir / "empty.mpy")
        startup, _, startup_errors = measure(
            commands_for(arguments.xipy.resolve(), empty, work_dir / "empty.mpy"), arguments.runs)
        for source in sources:
            compiled = work_dir / (source.stem + ".mpy")
            compile_mpy(source, compiled)
            best, outputs, errors = measure(
                commands_for(arguments.xipy.resolve(), source, compiled), arguments.runs)
            distinct = {output for output in outputs.values()}
            if len(distinct) > 1:
                reference = outputs.get("cpython", b"")
                for name, output in outputs.items():
                    if output != reference:
                        errors.setdefault(name, "output differs from CPython's")
            for name, error in errors.items():
                print(f"bench: {source.name} on {name}: {error}", file=sys.stderr)
                failed = True
            rows.append((source.stem, best, errors))

    header = f"{'benchmark':<16}{'xipy s':>9}{'CPython s':>11}{'uPy s':>9}" \
             f"{'xipy/CPython':>14}{'xipy/uPy':>10}"
    print(header)
    print("-" * len(header))
    cpython_ratios = []
    micropython_ratios = []

    def cell(name, best, errors, width):
        return f"{'FAIL':>{width}}" if name in errors else f"{best[name]:>{width}.3f}"

    for stem, best, errors in rows:
        line = f"{stem:<16}{cell('xipy', best, errors, 9)}{cell('cpython', best, errors, 11)}" \
               f"{cell('micropython', best, errors, 9)}"
        for other, ratios, width in (("cpython", cpython_ratios, 14),
                                     ("micropython", micropython_ratios, 10)):
            if "xipy" in errors or other in errors:
                line += f"{'-':>{width}}"
            else:
                ratio = best["xipy"] / best[other]
                ratios.append(ratio)
                line += f"{ratio:>{width}.2f}"
        print(line)
    print("-" * len(header))
    means = [geometric_mean(cpython_ratios), geometric_mean(micropython_ratios)]
    print(f"{'geometric mean':<16}{'':>29}" +
          "".join(f"{mean:>{width}.2f}" if mean is not None else f"{'-':>{width}}"
                  for mean, width in zip(means, (14, 10))))
    startup_text = ", ".join(
        f"{name} {'FAIL' if name in startup_errors else f'{startup[name]:.3f} s'}"
        for name in ("xipy", "cpython", "micropython"))
    print(f"start-up (empty program, included above): {startup_text}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
