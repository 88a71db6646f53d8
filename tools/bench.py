#!/usr/bin/env python3
"""Times benchmarks on xipy, native MicroPython and CPython side by side, as ratios.

Programs: our bench/*.py, and the perf_bench programs of MicroPython's suite
(../shared/micropython/tests/perf_bench, see reference_micropython.py), each with
`benchrun.py` and a `bm_run(N, M)` call appended (--perf-size picks N and M). Every program
is compiled with the reference `bin/mpy-cross` (.mpy v6.3); the same `.mpy` runs on xipy
(`xipy run`) and on native MicroPython (`bin/micropython`), and the source on CPython
(`python3 -BS`). The rounds are interleaved (each round runs every program once on each
runtime) so machine noise hits all three alike, and the median of --runs rounds counts. The
time is the process's CPU time (user + system), not its wall time: on a shared machine the
wall time mostly measures the other processes. Each runtime's start-up time (the median for
an empty program, run the same way) is taken off its times, so short programs compare the
work and not CPython's longer start-up.

xipy's output must equal MicroPython's (for perf_bench: the normalisation number and result
string, since the first field is a time); a difference, a crash or a timeout is an error.
CPython's output is only compared to be reported (its floats and big ints may print
differently). The table shows seconds and the ratios MicroPython/xipy and CPython/xipy:
above 1 means xipy is faster. Geometric means (for bench/, perf_bench and both) are over
the programs every runtime ran for at least SHORT_SECONDS. A second table gives each
program's peak resident memory on every runtime (measured through GNU time) and xipy's
against MicroPython's.

A third table gives what xipy's side tables (the inline caches, the class lookup table, the
heap's spare pages) hold at the end of each program, from one more run with `xipy run --stats`,
beside the VM heap's own peak. With --without-side-tables every round also runs xipy with
`--no-side-tables`, and the table adds that time over xipy's: what the side tables buy.

With --baseline OTHER_XIPY a second xipy binary (an earlier commit's, say) runs the same
programs in the same rounds, and the table adds baseline/xipy: above 1 means the change made
xipy faster. That is how a change's speed is measured before and after, side by side.

Usage: tools/bench.py [--xipy build/xipy] [--baseline OLD_XIPY] [--without-side-tables]
                      [--runs 3] [--perf-size N,M] [NAME ...]
NAME is a bench/ program (`fib`) or a perf_bench one (`bm_nqueens`); default: all.
Exit status 1 when a run fails or xipy's output differs from MicroPython's.
"""

import argparse
import math
import os
import pathlib
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import reference_micropython
import run_statistics

ROOT = reference_micropython.ROOT
BENCH = ROOT / "bench"
PERF_BENCH = reference_micropython.PERF_BENCH
TIMEOUT_SECONDS = 300
# The runtimes every round runs; main() appends "baseline" when --baseline is given and
# "untabled" (xipy without side tables) with --without-side-tables.
RUNTIMES = ["xipy", "micropython", "cpython"]
# What each xipy-like runtime passes to `xipy run` before the program.
XIPY_OPTIONS = {"xipy": [], "baseline": [], "untabled": ["--no-side-tables"]}
# The side-table figures of `xipy run --stats` the third table shows, with their headings.
SIDE_TABLE_FIELDS = [("peak_bytes_in_use", "heap peak"), ("name_cache_bytes", "name caches"),
                     ("name_caches", "(count)"), ("class_lookup_bytes", "class lookups"),
                     ("peak_spare_page_bytes", "spare pages")]
# perf_bench programs that are not plain CPU work: they mount a file system of .mpy files.
PERF_BENCH_LEFT_OUT = ("core_import_mpy_multi", "core_import_mpy_single")
# bm_run(N, M) picks the largest parameter set with 10*n <= 12*N and m <= M. (5000, 1000), the
# largest, runs each program for 0.02-0.6 s of CPU on native MicroPython on a 2020s x86-64
# core (core_locals 4 s), so three rounds of the whole table take a few minutes.
DEFAULT_PERF_SIZE = (5000, 1000)
# Programs shorter than this on some runtime (after start-up) stay out of the geometric means.
SHORT_SECONDS = 0.01
# GNU time (Debian's `time` package, which .ci/run installs) reports each run's peak memory.
GNU_TIME = pathlib.Path("/usr/bin/time")


def compile_mpy(source, output):
    run = subprocess.run([str(reference_micropython.MPY_CROSS), "-o", str(output), "-s",
                          source.name, str(source)], capture_output=True)
    if run.returncode != 0:
        raise RuntimeError(f"mpy-cross {source.name}: {run.stderr.decode('utf-8', 'replace')}")


def timed_run(command, cwd, environment):
    """Returns (CPU seconds, peak resident KiB or None, stdout bytes, error text or None). The
    CPU time is the child's own (wait4). The peak comes from GNU time, which runs the program:
    a child forked from this Python process would count Python's pages in its peak."""
    report = tempfile.NamedTemporaryFile(prefix="bench-peak-", delete=False)
    report.close()
    if GNU_TIME.exists():
        command = [str(GNU_TIME), "-f", "%M", "-o", report.name, *command]
    process = subprocess.Popen(command, cwd=cwd, env=environment, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    captured = {}

    def drain(name, stream):
        captured[name] = stream.read()

    readers = [threading.Thread(target=drain, args=(name, stream))
               for name, stream in (("stdout", process.stdout), ("stderr", process.stderr))]
    for reader in readers:
        reader.start()
    timer = threading.Timer(TIMEOUT_SECONDS, process.kill)
    timer.start()
    _, status, usage = os.wait4(process.pid, 0)
    timer.cancel()
    for reader in readers:
        reader.join()
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    seconds = usage.ru_utime + usage.ru_stime
    report_text = pathlib.Path(report.name).read_text().strip().splitlines()
    os.unlink(report.name)
    peak_kib = int(report_text[-1]) if report_text and report_text[-1].isdigit() else None
    if process.returncode == -signal.SIGKILL and seconds >= TIMEOUT_SECONDS:
        return TIMEOUT_SECONDS, peak_kib, b"", f"timed out after {TIMEOUT_SECONDS} s"
    if process.returncode != 0:
        last = captured["stderr"].decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        return seconds, peak_kib, captured["stdout"], f"exit {process.returncode}: {last[0]}"
    return seconds, peak_kib, captured["stdout"], None


class Program:
    """One benchmark: its source for CPython, its .mpy, and how to compare outputs."""

    def __init__(self, name, source, compiled, timed_output):
        self.name = name
        self.source = source
        self.compiled = compiled
        # perf_bench prints "TIME NORM RESULT": only NORM and RESULT must agree.
        self.timed_output = timed_output
        self.seconds = {runtime: [] for runtime in RUNTIMES}
        self.peak_kib = {runtime: [] for runtime in RUNTIMES}
        self.outputs = {}
        self.errors = {}
        self.side_tables = None  # the `xipy run --stats` figures, by field name

    def command(self, runtime, binaries):
        """(command, working directory, environment) for one run; `binaries` maps "xipy" (and
        "baseline") to an xipy executable."""
        if runtime in binaries:
            return ([str(binaries[runtime]), "run", *XIPY_OPTIONS[runtime], self.compiled.name],
                    self.compiled.parent, None)
        if runtime == "micropython":
            # MicroPython runs a .mpy only by importing it, from a folder without the .py.
            return ([str(reference_micropython.MICROPYTHON), "-m", self.compiled.stem],
                    self.compiled.parent, dict(os.environ, MICROPYPATH="."))
        return [sys.executable, "-BS", self.source.name], self.source.parent, None

    def comparable(self, output):
        if not self.timed_output:
            return output
        return b"\n".join(line.split(b" ", 1)[-1] for line in output.splitlines())

    def median(self, runtime):
        return statistics.median(self.seconds[runtime]) if self.seconds[runtime] else None

    def peak_mib(self, runtime):
        """The median of the runs' peak resident memory, in MiB."""
        peaks = self.peak_kib[runtime]
        return statistics.median(peaks) / 1024 if peaks and runtime not in self.errors else None

    def net(self, runtime, startup):
        """The median less the runtime's start-up time, never below a millisecond."""
        median = self.median(runtime)
        if median is None or runtime in self.errors:
            return None
        return max(median - (startup.median(runtime) or 0), 0.001)


def prepare(names, work, perf_size):
    """Writes every selected program's source and .mpy into `work`; returns the Programs."""
    ours = sorted(BENCH.glob("*.py"))
    theirs = sorted(path for path in PERF_BENCH.glob("*.py")
                    if path.stem.startswith(("bm_", "misc_", "core_"))
                    and path.stem not in PERF_BENCH_LEFT_OUT)
    available = {path.stem: path for path in ours + theirs}
    unknown = [name for name in names if name.removesuffix(".py") not in available]
    if unknown:
        raise ValueError(f"no such benchmark: {', '.join(unknown)} "
                         f"(have {', '.join(available)})")
    chosen = [available[name.removesuffix(".py")] for name in names] or ours + theirs
    runner = (PERF_BENCH / "benchrun.py").read_text()
    programs = []
    (work / "source").mkdir()
    (work / "compiled").mkdir()
    # The start-up time of each runtime, measured like a program and taken off the others.
    empty = work / "empty.py"
    empty.write_text("pass\n")
    for path in [empty] + chosen:
        timed = path.parent == PERF_BENCH
        source = work / "source" / path.name
        text = path.read_text()
        if timed:
            text += f"\n{runner}\nbm_run({perf_size[0]}, {perf_size[1]})\n"
        source.write_text(text)
        compiled = work / "compiled" / (path.stem + ".mpy")
        compile_mpy(source, compiled)
        programs.append(Program(path.stem, source, compiled, timed))
    return programs


def measure(programs, binaries, runs):
    for round_number in range(runs):
        print(f"round {round_number + 1} of {runs} ...", file=sys.stderr, flush=True)
        for program in programs:
            for runtime in RUNTIMES:
                if runtime in program.errors:
                    continue
                seconds, peak_kib, stdout, error = timed_run(*program.command(runtime, binaries))
                if error is not None:
                    program.errors[runtime] = error
                    continue
                program.seconds[runtime].append(seconds)
                if peak_kib is not None:
                    program.peak_kib[runtime].append(peak_kib)
                program.outputs.setdefault(runtime, stdout)


def measure_side_tables(programs, xipy):
    """One more run of each program with `xipy run --stats`, untimed, for the side tables."""
    for program in programs:
        if "xipy" in program.errors:
            continue
        completed = subprocess.run([str(xipy), "run", "--stats", program.compiled.name],
                                   cwd=program.compiled.parent, capture_output=True,
                                   timeout=TIMEOUT_SECONDS, check=False)
        figures = run_statistics.statistics_of(completed.stderr.decode(errors="replace"))
        if completed.returncode == 0 and figures:
            program.side_tables = figures


def check(program):
    """Errors (xipy against MicroPython) and notes (CPython against MicroPython)."""
    errors = [f"{runtime}: {error}" for runtime, error in program.errors.items()
              if runtime != "cpython"]
    notes = [f"cpython: {program.errors['cpython']}"] if "cpython" in program.errors else []
    reference = program.outputs.get("micropython")
    if reference is None:
        return errors, notes
    if b"SKIP" in reference:
        notes.append("MicroPython prints SKIP (no parameter set fits --perf-size)")
    for runtime in [runtime for runtime in RUNTIMES if runtime != "micropython"]:
        output = program.outputs.get(runtime)
        if output is not None and program.comparable(output) != program.comparable(reference):
            (errors if runtime != "cpython" else notes).append(
                f"{runtime}: output differs from MicroPython's")
    return errors, notes


def geometric_mean(values):
    return math.exp(sum(math.log(value) for value in values) / len(values)) if values else None


def print_table(programs, startup, runs):
    print(f"CPU time (user + system) less start-up, median of {runs} interleaved runs; "
          f"ratio = other's time / xipy's time, so above 1 means xipy is faster.")
    # (runtime, heading, width) of the time columns, then of the ratio columns.
    times = [("xipy", "xipy s", 9), ("micropython", "MicroPython s", 15), ("cpython", "CPython s", 11)]
    compared = [("micropython", "MicroPython/xipy", 18), ("cpython", "CPython/xipy", 14)]
    if "baseline" in RUNTIMES:
        times.append(("baseline", "baseline s", 12))
        compared.append(("baseline", "baseline/xipy", 15))
    if "untabled" in RUNTIMES:
        times.append(("untabled", "no tables s", 13))
        compared.append(("untabled", "no tables/xipy", 16))
    header = f"{'program':<22}" + "".join(f"{heading:>{width}}" for _, heading, width in times) \
        + "".join(f"{heading:>{width}}" for _, heading, width in compared)
    print(header)
    print("-" * len(header))
    # Ratios per group (our programs, perf_bench) for the geometric means.
    ratios = {group: {runtime: [] for runtime, _, _ in compared} for group in (False, True)}
    short = []
    for program in programs:
        line = f"{program.name:<22}"
        nets = {runtime: program.net(runtime, startup) for runtime in RUNTIMES}
        for runtime, _, width in times:
            net = nets[runtime]
            line += f"{'FAIL' if net is None else f'{net:.3f}':>{width}}"
        # Below SHORT_SECONDS the CPU clock's granularity and noise decide the ratio.
        counted = all(net is None or net >= SHORT_SECONDS for net in nets.values())
        if not counted:
            short.append(program.name)
        for runtime, _, width in compared:
            if nets["xipy"] and nets[runtime]:
                ratio = nets[runtime] / nets["xipy"]
                if counted:
                    ratios[program.timed_output][runtime].append(ratio)
                line += f"{ratio:>{width}.2f}" + ("" if counted else "*")
            else:
                line += f"{'-':>{width}}"
        print(line)
    print("-" * len(header))
    for label, groups in (("geomean, bench/", [False]), ("geomean, perf_bench", [True]),
                          ("geomean, all", [False, True])):
        means = [geometric_mean([ratio for group in groups for ratio in ratios[group][runtime]])
                 for runtime, _, _ in compared]
        print(f"{label:<22}{'':>{sum(width for _, _, width in times)}}" +
              "".join(f"{mean:>{width}.2f}" if mean is not None else f"{'-':>{width}}"
                      for mean, (_, _, width) in zip(means, compared)))
    if short:
        print(f"* under {SHORT_SECONDS * 1000:.0f} ms on some runtime, left out of the geometric "
              f"means: {', '.join(short)}")
    print_memory_table(programs, startup)
    print_side_table_table(programs)
    print("start-up (an empty program, taken off the times above): " + ", ".join(
        f"{runtime} {startup.median(runtime) * 1000:.1f} ms" for runtime in RUNTIMES
        if startup.median(runtime) is not None))


def print_memory_table(programs, startup):
    print()
    if not GNU_TIME.exists():
        print(f"No peak memory: {GNU_TIME} (GNU time) is missing.")
        return
    print("Peak resident memory of the process (MiB, median of the runs; the empty program's "
          "first):")
    columns = [runtime for runtime in RUNTIMES]
    header = f"{'program':<22}" + "".join(f"{runtime:>13}" for runtime in columns) \
        + f"{'xipy/MicroPython':>18}"
    print(header)
    print("-" * len(header))
    for program in [startup] + programs:
        line = f"{program.name:<22}"
        for runtime in columns:
            peak = program.peak_mib(runtime)
            line += f"{'-' if peak is None else f'{peak:.1f}':>13}"
        ours, theirs = program.peak_mib("xipy"), program.peak_mib("micropython")
        line += f"{ours / theirs:>18.2f}" if ours and theirs else f"{'-':>18}"
        print(line)


def print_side_table_table(programs):
    print()
    print("xipy's side tables at the end of each program (bytes, from `xipy run --stats`; all "
          "inside the heap, whose peak is the first column):")
    header = f"{'program':<22}" + "".join(f"{heading:>14}" for _, heading in SIDE_TABLE_FIELDS) \
        + f"{'tables/peak':>13}"
    print(header)
    print("-" * len(header))
    for program in programs:
        figures = program.side_tables
        line = f"{program.name:<22}"
        if figures is None:
            print(line + f"{'-':>14}")
            continue
        line += "".join(f"{figures.get(field, 0):>14,}" for field, _ in SIDE_TABLE_FIELDS)
        tables = run_statistics.side_table_bytes(figures)
        peak = figures.get("peak_bytes_in_use", 0)
        line += f"{tables / peak:>13.1%}" if peak else f"{'-':>13}"
        print(line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="benchmarks, e.g. fib bm_nqueens (default: all)")
    parser.add_argument("--xipy", type=pathlib.Path, default=ROOT / "build" / "xipy",
                        help="the xipy binary (default: build/xipy, the release build)")
    parser.add_argument("--baseline", type=pathlib.Path,
                        help="a second xipy binary to compare with, in the same rounds")
    parser.add_argument("--without-side-tables", action="store_true",
                        help="also run xipy with --no-side-tables in every round")
    parser.add_argument("--runs", type=int, default=3, help="rounds; the median counts (default 3)")
    parser.add_argument("--perf-size", default=",".join(map(str, DEFAULT_PERF_SIZE)),
                        help="N,M for perf_bench's bm_run(N, M) (default %(default)s)")
    arguments = parser.parse_args()
    if not arguments.xipy.is_file():
        print(f"bench: {arguments.xipy} does not exist (run `make`)", file=sys.stderr)
        return 2
    binaries = {"xipy": arguments.xipy.resolve()}
    if arguments.baseline is not None:
        if not arguments.baseline.is_file():
            print(f"bench: {arguments.baseline} does not exist", file=sys.stderr)
            return 2
        binaries["baseline"] = arguments.baseline.resolve()
        RUNTIMES.append("baseline")
    if arguments.without_side_tables:
        binaries["untabled"] = binaries["xipy"]
        RUNTIMES.append("untabled")
    if reference_micropython.missing():
        print(f"bench: {reference_micropython.missing()}", file=sys.stderr)
        return 2
    try:
        perf_size = tuple(int(part) for part in arguments.perf_size.split(","))
        if len(perf_size) != 2:
            raise ValueError("--perf-size wants N,M")
    except ValueError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2

    started = time.monotonic()
    with tempfile.TemporaryDirectory() as work:
        work_dir = pathlib.Path(work)
        try:
            programs = prepare(arguments.names, work_dir, perf_size)
        except (ValueError, RuntimeError) as error:
            print(f"bench: {error}", file=sys.stderr)
            return 2
        measure(programs, binaries, max(1, arguments.runs))
        measure_side_tables(programs[1:], binaries["xipy"])

    failed = False
    startup, programs = programs[0], programs[1:]
    for program in [startup] + programs:
        errors, notes = check(program)
        for error in errors:
            print(f"bench: {program.name}: {error}", file=sys.stderr)
            failed = True
        for note in notes:
            print(f"bench: note: {program.name}: {note}", file=sys.stderr)
    print_table(programs, startup, max(1, arguments.runs))
    print(f"perf_bench programs run bm_run{perf_size}; the whole bench took "
          f"{time.monotonic() - started:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
