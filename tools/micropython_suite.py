#!/usr/bin/env python3
"""Runs MicroPython's own test suite (../shared/micropython/tests) on xipy against native MicroPython.

Each test folder is mirrored into build/micropython_suite/mpy-cross-<version>/<folder>/: every
`.py` compiled to `.mpy` (recorded name: its path inside the folder, as `mpy-cross -s`), every
other file copied, and micropython-lib's `unittest` compiled into `unittest/__init__.mpy`, so
sibling modules, packages and data files are where the tests look for them and no `.py` is left
for MicroPython to prefer. Then, in the mirrored folder, each test's `.mpy` runs on

- the reference, `bin/micropython -m NAME` with MICROPYPATH=.:.frozen (as MicroPython's own
  runner does with --via-mpy, so `__name__` is "__main__"; `.frozen` holds its asyncio), and
- xipy, `XIPY run --max-steps N --net-loopback NAME.mpy` (sockets reach this machine only),

both with empty standard input and a wall-clock timeout (--timeout). The test passes when
xipy's stdout equals the reference's byte for byte and the exit statuses are equal. The
expected output is the reference's own run of the same `.mpy`, made here and cached in
build/micropython_suite/reference_runs/ (key: hashes of the reference binary and the `.mpy`,
the module path and the test's name).

A test counts only when the reference passes it by MicroPython's own rules; otherwise it is
"skipped by the reference", never passed. The reference passes a test when it compiled, ran
within the timeout and did not print `SKIP` first, and
- a `unittest` run ends its summary with `OK`;
- with `NAME.py.exp`: stdout, or stdout then stderr (a test ending in an uncaught
  exception), equals that file; for the few tests whose `.exp` holds regular expressions for
  MicroPython's runner (PATTERN_EXPECTATIONS), the exit status is 0;
- otherwise: the exit status is 0 (MicroPython's runner compares these with CPython's output;
  that comparison is left to MicroPython's CI).
Tests whose output cannot be compared at all (NOT_COMPARABLE) are reported as skipped too.

--compiler picks the mpy-cross: `1.29` (../shared/micropython/bin/mpy-cross, `.mpy` v6.3) or
`1.19` (the pinned `node tests/reference/mpy-cross.js`, `.mpy` v6.0), for the tests it
accepts. The reference VM runs v6.0 files too, so the expected output is again its run of the
same file; the summary names the tests where that differs from its run of the v6.3 file (a
difference of the compilers, e.g. 1.19 miscompiling `return` inside `finally`).

Every test must pass, be skipped by the reference, or be listed in
tests/micropython_suite/known_failures.txt, one line per test:

    FOLDER/NAME.py  COMPILERS  AREA  REASON

COMPILERS is `both`, `1.29` or `1.19` (under which compilers it fails), AREA what it waits for
(AREAS), REASON the cause seen in the diff. The list is strict: a listed test that passes, or
an unlisted failure, is an error, so the list only shrinks. --update-known-failures rewrites
it from this run (for the compiler run), keeping the area and reason of listed tests; new
entries get a guessed area and a reason to fill in. Crashes (a signal or a sanitizer report)
are named in the summary, listed or not.

Folders: SUITE_FOLDERS. `cmdline` is left out: its tests drive the unix program itself (the
REPL over a terminal, options from `# cmdline:` headers), not a program an `.mpy` can hold.
The reference is the `standard` variant, what users run (--variant coverage for the variant
MicroPython's CI uses, which adds weakref, marshal, MD5/SHA-1, sys.settrace, ...).
docs/micropython-suite.md says more.

Usage: tools/micropython_suite.py XIPY [--compiler 1.29|1.19] [--variant standard|coverage]
           [--jobs 2] [--timeout S] [--update-known-failures] [--verbose]
           [FOLDER | FOLDER/NAME.py ...]
Exit status 0 when every selected test passes, is a known failure or is skipped by the
reference; 1 otherwise; 2 on bad usage (e.g. no ../shared/micropython or no xipy binary).
"""

import argparse
import concurrent.futures
import difflib
import hashlib
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import sys
import time

import reference_micropython
from reference_micropython import MPY_CROSS as REFERENCE_COMPILER
from reference_micropython import ROOT
from reference_micropython import TESTS as SUITE_TESTS
from reference_micropython import UNITTEST as UNITTEST_SOURCE

NODE_COMPILER = ROOT / "tests" / "reference" / "mpy-cross.js"
BUILD = ROOT / "build" / "micropython_suite"
REFERENCE_RUNS = BUILD / "reference_runs"
KNOWN_FAILURES = ROOT / "tests" / "micropython_suite" / "known_failures.txt"

SUITE_FOLDERS = ("basics", "float", "unicode", "misc", "micropython", "extmod", "stress", "io",
                 "import", "thread")
# The folders whose tests xipy should pass but for later features (imports, compiler, threads,
# asyncio); the summary gives their pass rate on its own.
CORE_FOLDERS = ("basics", "float", "unicode", "misc", "micropython", "stress", "io")
COMPILERS = ("1.29", "1.19")
# What a known failure waits for: a later feature, or (conformance) a plain gap to fix;
# departure: MicroPython departs from CPython there and xipy follows CPython (docs/compatibility.md).
AREAS = ("imports", "compiler", "threads", "asyncio", "modules", "conformance", "departure")
# Tests whose .exp lines are regular expressions for MicroPython's runner (run-tests.py's
# tests_with_regex_output), so the file cannot be compared as it stands.
PATTERN_EXPECTATIONS = {"micropython/meminfo.py", "basics/bytes_compare3.py",
                        "basics/builtin_help.py", "basics/weakref_callback_exception.py",
                        "misc/sys_settrace_cov.py", "thread/thread_exc2.py"}
# Tests whose output cannot be compared byte for byte, with why; reported as skipped.
NOT_COMPARABLE = {
    # They print their own file name or sys.argv, which differ between `micropython -m NAME`
    # and `xipy run NAME.mpy` by design; MicroPython's runner skips them for .mpy files too
    # (run-tests.py's via_mpy_tests_to_skip).
    **dict.fromkeys(("import/import_file.py", "io/argv.py", "misc/sys_settrace_features.py",
                     "misc/sys_settrace_generator.py", "misc/sys_settrace_loop.py"),
                    "prints its own file name or argv"),
    "micropython/meminfo.py": "prints heap addresses and block counts of one implementation",
    # The reference's unix build runs threads without a global lock, so threads that mutate
    # one object race there: its output varies from run to run (wrong counts, KeyError in a
    # thread, a crash). xipy's threads take turns under the VM's lock and print the exact result.
    # mutate_dict.py never ends there (it hangs until the timeout, 90 s, on every run here).
    **dict.fromkeys(("thread/mutate_bytearray.py", "thread/mutate_dict.py", "thread/mutate_list.py",
                     "thread/mutate_set.py"), "the reference's threads race (no global lock)"),
    # They bind or connect sockets on this machine, so whether the reference runs them or
    # prints SKIP depends on the machine and the moment (a port in use).
    **dict.fromkeys(("extmod/select_ipoll.py", "extmod/select_poll_custom.py",
                     "extmod/select_poll_eintr.py", "extmod/select_poll_udp.py",
                     "extmod/socket_udp_nonblock.py"), "uses the machine's network"),
}
# A sanitizer build's report on stderr (the same markers as tools/mutation_test.py). A crash
# (such a report or a signal) is a failure like any other, but the summary names each one,
# listed or not, since xipy must never crash on any program (DESIGN.md, constraint 3).
SANITIZER_MARKERS = ("AddressSanitizer", "runtime error:", "LeakSanitizer", "UndefinedBehavior",
                     "ThreadSanitizer")
DIFF_LINES = 12
# A bound on loop iterations plus calls, so a hang in xipy ends as exit 3 rather than at the
# wall clock; the slowest suite test on the reference needs far fewer.
MAX_STEPS = 2_000_000_000


def sha256(data):
    return hashlib.sha256(data).hexdigest()


# --- mirroring a folder -----------------------------------------------------------


def compile_with_reference(source, output, recorded_name):
    """Compiles one file with mpy-cross 1.29; returns None or the compiler's message."""
    run = subprocess.run([str(REFERENCE_COMPILER), "-o", str(output), "-s", recorded_name,
                          str(source)], capture_output=True)
    if run.returncode != 0:
        output.unlink(missing_ok=True)
        return run.stderr.decode("utf-8", "replace").strip() or f"exit {run.returncode}"
    return None


def compile_with_node(jobs):
    """Compiles (source, output, recorded_name) triples with mpy-cross 1.19, one Node.js run
    per source root; returns {output: message} for the files it rejected."""
    errors = {}
    # mpy-cross.js records each name relative to --root, so group the files by that root.
    by_root = {}
    for source, output, recorded_name in jobs:
        root = pathlib.Path(str(source)[:-len(recorded_name)])
        out_root = pathlib.Path(str(output)[:-len(recorded_name[:-3] + ".mpy")])
        by_root.setdefault((root, out_root), []).append(source)
    for (root, out_root), sources in by_root.items():
        run = subprocess.run(["node", str(NODE_COMPILER), "--out-dir", str(out_root), "--root",
                              str(root)] + [str(source) for source in sources],
                             capture_output=True, cwd=root)
        if run.returncode not in (0, 1):
            raise RuntimeError(f"mpy-cross.js failed: {run.stderr.decode('utf-8', 'replace')}")
        messages = run.stderr.decode("utf-8", "replace")
        for source in sources:
            output = out_root / (str(source.relative_to(root))[:-3] + ".mpy")
            if not output.is_file():
                errors[output] = next((line for line in messages.splitlines()
                                       if line.startswith(str(source))), "rejected")
    return errors


def mirror_folder(folder, compiler):
    """Brings build/micropython_suite/<compiler>/<folder> up to date; returns
    {relative .py path: compile error} for the sources that did not compile."""
    source_dir = SUITE_TESTS / folder
    mirror = BUILD / f"mpy-cross-{compiler}" / folder
    # Per source: the hash of the source and the compiler, and the compiler's error if any.
    stamp_path = mirror / ".compiled.json"
    stamps = json.loads(stamp_path.read_text()) if stamp_path.is_file() else {}
    compiler_files = [REFERENCE_COMPILER] if compiler == COMPILERS[0] else \
        [NODE_COMPILER, NODE_COMPILER.parent / "package-lock.json"]
    compiler_digest = sha256(b"".join(path.read_bytes() for path in compiler_files))
    errors = {}
    pending = []
    sources = [(path, path.relative_to(source_dir).as_posix())
               for path in sorted(source_dir.rglob("*")) if path.is_file()]
    sources.append((UNITTEST_SOURCE, "unittest/__init__.py"))
    for path, relative in sources:
        target = mirror / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if not relative.endswith(".py"):
            if not target.is_file() or target.read_bytes() != path.read_bytes():
                shutil.copyfile(path, target)
            continue
        compiled = target.with_suffix(".mpy")
        digest = sha256(path.read_bytes() + compiler_digest.encode())
        stamp = stamps.get(relative)
        if stamp is not None and stamp["source"] == digest and (
                stamp["error"] is not None or compiled.is_file()):
            if stamp["error"] is not None:
                errors[relative] = stamp["error"]
            continue
        pending.append((path, compiled, relative, digest))
    if compiler == COMPILERS[0]:
        results = {relative: compile_with_reference(path, compiled, relative)
                   for path, compiled, relative, _ in pending}
    else:
        rejected = compile_with_node([(path, compiled, relative)
                                      for path, compiled, relative, _ in pending])
        results = {relative: rejected.get(compiled) for _, compiled, relative, _ in pending}
    for _, _, relative, digest in pending:
        stamps[relative] = {"source": digest, "error": results[relative]}
        if results[relative] is not None:
            errors[relative] = results[relative]
    stamp_path.write_text(json.dumps(stamps, indent=0, sort_keys=True))
    return errors


# --- running -----------------------------------------------------------------------


class Run:
    """One process's outcome: stdout, stderr, exit status, or that it timed out."""

    def __init__(self, stdout=b"", stderr=b"", status=0, timed_out=False):
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
        self.timed_out = timed_out


def run_process(command, cwd, timeout, environment=None):
    try:
        run = subprocess.run(command, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True,
                             timeout=timeout, env=environment)
    except subprocess.TimeoutExpired as expired:
        return Run(expired.stdout or b"", expired.stderr or b"", None, True)
    return Run(run.stdout, run.stderr, run.returncode)


# A test that may change files (a writing open() mode, or os.remove, rename, mkdir, rmdir) runs,
# on both sides, in a fresh temporary copy of its folder, where xipy gets --fs-write as the
# reference can write there too; every other test runs in the mirror with a read-only root.
# Either way no run changes the mirror.
WRITING = re.compile(rb"""open\([^)]*["'][rbt]*[wax+]|os\.(remove|rename|mkdir|rmdir|unlink)\(""")


def writes_files(test):
    return WRITING.search((SUITE_TESTS / test).read_bytes()) is not None


def run_in_folder(command, folder, writes, timeout, environment=None):
    """Runs `command` in `folder`, or in a temporary copy of it when the test `writes`."""
    if not writes:
        return run_process(command, folder, timeout, environment)
    with tempfile.TemporaryDirectory(prefix="xipy-suite-") as scratch:
        copy = pathlib.Path(scratch) / folder.name
        shutil.copytree(folder, copy, symlinks=True)
        return run_process(command, copy, timeout, environment)


# The reference's module path: the test's folder, then its frozen modules (asyncio).
REFERENCE_PATH = ".:.frozen"


def reference_run(reference, test, compiled, timeout):
    """The reference's run of one `.mpy`, from the cache when it has it."""
    binary, digest = reference
    key = sha256(f"{digest} {REFERENCE_PATH} {sha256(compiled.read_bytes())} {test}".encode())
    cached = REFERENCE_RUNS / f"{key}.json"
    if cached.is_file():
        record = json.loads(cached.read_text())
        return Run(bytes.fromhex(record["stdout"]), bytes.fromhex(record["stderr"]),
                   record["status"], record["timed_out"])
    environment = dict(os.environ, MICROPYPATH=REFERENCE_PATH)
    run = run_in_folder([str(binary), "-m", compiled.stem], compiled.parent, writes_files(test),
                        timeout, environment)
    if run.timed_out or (run.status is not None and run.status < 0):
        # A busy machine, or a crash of the reference's unsafe (GIL-free) threads: not
        # worth remembering, the next run may go through.
        return run
    REFERENCE_RUNS.mkdir(parents=True, exist_ok=True)
    temporary = cached.with_suffix(".tmp")
    temporary.write_text(json.dumps({"stdout": run.stdout.hex(), "stderr": run.stderr.hex(),
                                     "status": run.status, "timed_out": run.timed_out}))
    temporary.replace(cached)
    return run


def unittest_summary(stdout):
    """The last line of a unittest run's summary ("OK", "FAILED (...)"), or None."""
    lines = stdout.splitlines()
    if len(lines) > 4 and lines[-4] == b"-" * 70 and lines[-2] == b"" and \
            lines[-3].startswith(b"Ran "):
        return lines[-1].decode("utf-8", "replace")
    return None


def reference_verdict(test, run):
    """None when the reference passes the test by MicroPython's rules, else why not."""
    if run.timed_out:
        return "timed out"
    if run.stdout.split(b"\n", 1)[0] in (b"SKIP", b"SKIP-TOO-LARGE"):
        return "prints SKIP"
    summary = unittest_summary(run.stdout)
    if summary is not None:
        return None if summary.startswith("OK") else f"unittest: {summary}"
    expected_path = SUITE_TESTS / f"{test}.exp"
    if expected_path.is_file() and test not in PATTERN_EXPECTATIONS:
        expected = expected_path.read_bytes()
        if expected in (run.stdout, run.stdout + run.stderr):
            return None
        return "output differs from its .exp"
    if run.status != 0:
        last = run.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        return f"exit {run.status}: {last[0]}"
    return None


def short_diff(expected, actual):
    expected_lines = expected.decode("utf-8", "replace").splitlines(keepends=True)
    actual_lines = actual.decode("utf-8", "replace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(expected_lines, actual_lines, "reference", "xipy", n=1))
    if len(lines) > DIFF_LINES:
        lines = lines[:DIFF_LINES] + [f"... ({len(lines) - DIFF_LINES} more diff lines)\n"]
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


class Result:
    """One test's outcome: `passed`, `failed` or `skipped` (by the reference), with why."""

    def __init__(self, test, kind, reason="", details="", reference_differs=False):
        self.test = test
        self.kind = kind
        self.reason = reason
        self.details = details
        # For the 1.19 compiler: the reference's output differs from its run of the v6.3 file.
        self.reference_differs = reference_differs
        # A failure by a signal or a sanitizer report.
        self.crashed = False
        # How long xipy ran (0 when it did not run).
        self.seconds = 0.0


def run_test(xipy, compiler, test, compile_error, reference, timeout):
    if compile_error is not None:
        return Result(test, "skipped", f"mpy-cross {compiler} rejects it")
    if test in NOT_COMPARABLE:
        return Result(test, "skipped", f"not comparable: {NOT_COMPARABLE[test]}")
    compiled = BUILD / f"mpy-cross-{compiler}" / test[:-3]
    compiled = compiled.with_suffix(".mpy")
    expected = reference_run(reference, test, compiled, timeout)
    verdict = reference_verdict(test, expected)
    if verdict is not None:
        return Result(test, "skipped", verdict)
    differs = False
    if compiler != COMPILERS[0]:
        newer = (BUILD / f"mpy-cross-{COMPILERS[0]}" / test[:-3]).with_suffix(".mpy")
        if newer.is_file():
            other = reference_run(reference, test, newer, timeout)
            differs = other.stdout != expected.stdout or other.status != expected.status
    started = time.monotonic()
    writes = writes_files(test)
    command = [str(xipy), "run", "--max-steps", str(MAX_STEPS), "--net-loopback"] + \
        (["--fs-write"] if writes else [])
    run = run_in_folder(command + [compiled.name], compiled.parent, writes, timeout)
    seconds = time.monotonic() - started
    stderr = run.stderr.decode("utf-8", "replace")
    if any(marker in stderr for marker in SANITIZER_MARKERS):
        result = Result(test, "failed", "sanitizer report", stderr[-3000:], differs)
        result.crashed = True
        return result
    problems = []
    if run.timed_out:
        problems.append(f"timed out after {timeout} s")
    elif run.status < 0:
        problems.append(f"killed by signal {-run.status}")
    elif run.status != expected.status:
        problems.append(f"exit {run.status}, reference {expected.status}")
    if run.stdout != expected.stdout:
        problems.append("stdout differs")
    if not problems:
        result = Result(test, "passed", reference_differs=differs)
        result.seconds = seconds
        return result
    details = short_diff(expected.stdout, run.stdout)
    last = stderr.strip().splitlines()[-1:]
    if last:
        details += f"xipy stderr: {last[0]}\n"
    result = Result(test, "failed", "; ".join(problems), details, differs)
    result.crashed = not run.timed_out and run.status < 0
    result.seconds = seconds
    return result


# --- the known-failures list ---------------------------------------------------------


class KnownFailure:
    def __init__(self, test, compilers, area, reason):
        self.test = test
        self.compilers = compilers
        self.area = area
        self.reason = reason


def read_known_failures(path):
    entries = {}
    problems = []
    if not path.is_file():
        return entries, problems
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split(None, 3)
        if len(fields) < 4:
            problems.append(f"{path.name}:{number}: want TEST COMPILERS AREA REASON")
            continue
        test, compilers, area, reason = fields
        if compilers not in ("both",) + COMPILERS or area not in AREAS:
            problems.append(f"{path.name}:{number}: compilers must be both/"
                            f"{'/'.join(COMPILERS)}, area one of {', '.join(AREAS)}")
            continue
        if test in entries:
            problems.append(f"{path.name}:{number}: {test} listed twice")
        entries[test] = KnownFailure(test, set(COMPILERS) if compilers == "both" else {compilers},
                                     area, reason)
    return entries, problems


def write_known_failures(path, entries):
    lines = [
        "# MicroPython suite tests xipy does not pass yet (tools/micropython_suite.py reads this).",
        "# One line per test: FOLDER/NAME.py  COMPILERS  AREA  REASON",
        "# COMPILERS: the mpy-cross versions under which it fails (both, 1.29 or 1.19).",
        f"# AREA: what it waits for ({', '.join(AREAS)}); REASON: the cause seen in the diff.",
        "# Strict: a listed test that passes is an error, so the list only shrinks.",
    ]
    width = max([len(entry.test) for entry in entries.values()] + [0]) + 2
    for test in sorted(entries, key=lambda name: (name.split("/")[0] not in SUITE_FOLDERS,
                                                  SUITE_FOLDERS.index(name.split("/")[0])
                                                  if name.split("/")[0] in SUITE_FOLDERS
                                                  else 0, name)):
        entry = entries[test]
        compilers = "both" if entry.compilers == set(COMPILERS) else next(iter(entry.compilers))
        lines.append(f"{test:<{width}}{compilers:<6}{entry.area:<13}{entry.reason}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")


def guess_area(result):
    """A first guess at what a new known failure waits for, from xipy's last stderr line."""
    error = result.details.rpartition("xipy stderr: ")[2].strip()
    if "'_thread'" in error:
        return "threads", "needs the _thread module"
    if "needs a Python compiler" in error:
        return "compiler", error.split(": ", 1)[-1]
    if "no module named 'unittest'" in error:
        return "imports", "needs micropython-lib's unittest"
    if "'asyncio'" in error or "+SKIP" in result.details and "asyncio" in result.test:
        return "asyncio", "needs asyncio"
    if error.startswith("ImportError"):
        return "imports", error
    return "conformance", f"TO DO: the cause ({result.reason}{'; ' + error if error else ''})"


# --- main ----------------------------------------------------------------------------


def select_tests(selectors):
    """{folder: [FOLDER/NAME.py, ...]} for the selectors (folders or single tests)."""
    chosen = {}
    for selector in selectors or SUITE_FOLDERS:
        folder, _, name = selector.strip("/").partition("/")
        if folder not in SUITE_FOLDERS:
            raise ValueError(f"unknown folder {folder!r} (one of {', '.join(SUITE_FOLDERS)})")
        names = [name] if name else sorted(path.name for path in (SUITE_TESTS / folder).glob("*.py"))
        for name in names:
            if not (SUITE_TESTS / folder / name).is_file():
                raise ValueError(f"no test {folder}/{name}")
            chosen.setdefault(folder, []).append(f"{folder}/{name}")
    return chosen


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("xipy", type=pathlib.Path, help="the xipy binary, e.g. build/xipy")
    parser.add_argument("selectors", nargs="*", help="folders or FOLDER/NAME.py (default: all)")
    parser.add_argument("--compiler", choices=COMPILERS, default=COMPILERS[0],
                        help="mpy-cross version that compiles the tests (default 1.29)")
    parser.add_argument("--variant", choices=("standard", "coverage"), default="standard",
                        help="the reference build (default standard, what users run)")
    parser.add_argument("--jobs", type=int, default=2, help="tests run at once (default 2)")
    # The slowest test, thread/stress_aes.py (eleven threads each encrypting with AES), takes
    # 35 s on the unoptimised sanitizer build alone (0.5 s on the release build); the others
    # take under 3 s. The default leaves room for a loaded 2-core machine.
    parser.add_argument("--timeout", type=float, default=90,
                        help="wall-clock seconds per run (default 90)")
    parser.add_argument("--known-failures", type=pathlib.Path, default=KNOWN_FAILURES)
    parser.add_argument("--update-known-failures", action="store_true",
                        help="rewrite the known-failures list from this run")
    parser.add_argument("--verbose", action="store_true",
                        help="print each failure's diff, also for known failures")
    arguments = parser.parse_intermixed_args()

    if reference_micropython.missing():
        print(f"micropython_suite: {reference_micropython.missing()}", file=sys.stderr)
        return 2
    if not arguments.xipy.is_file():
        print(f"micropython_suite: {arguments.xipy} does not exist (run `make`)", file=sys.stderr)
        return 2
    try:
        chosen = select_tests(arguments.selectors)
    except ValueError as error:
        print(f"micropython_suite: {error}", file=sys.stderr)
        return 2
    known, problems = read_known_failures(arguments.known_failures)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2

    started = time.monotonic()
    xipy = arguments.xipy.resolve()
    binary = reference_micropython.MICROPYTHON if arguments.variant == "standard" \
        else reference_micropython.MICROPYTHON_COVERAGE
    reference = (binary, sha256(binary.read_bytes()))
    compiler = arguments.compiler
    work = []
    for folder, tests in chosen.items():
        errors = mirror_folder(folder, compiler)
        if compiler != COMPILERS[0]:
            # The reference's run of the v6.3 file, to count compiler differences.
            mirror_folder(folder, COMPILERS[0])
        for test in tests:
            work.append((test, errors.get(test.split("/", 1)[1])))
    compiled_seconds = time.monotonic() - started

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, arguments.jobs)) as pool:
        results = list(pool.map(lambda item: run_test(xipy, compiler, item[0], item[1],
                                                      reference, arguments.timeout),
                                work))

    errors = []
    notes = []
    counts = {}
    for result in results:
        folder = result.test.split("/")[0]
        row = counts.setdefault(folder, {"passed": 0, "failed": 0, "known": {}, "skipped": 0,
                                         "differs": 0})
        row["differs"] += result.reference_differs
        entry = known.get(result.test)
        listed = entry is not None and compiler in entry.compilers
        if result.kind == "skipped":
            row["skipped"] += 1
            if arguments.verbose:
                print(f"skipped by the reference: {result.test}: {result.reason}")
            if listed:
                # Not an error: a reference run can time out on a busy machine.
                notes.append(f"{result.test}: listed as a known failure, but the reference "
                             f"skips it ({result.reason})")
        elif result.kind == "passed":
            row["passed"] += 1
            if listed:
                errors.append(f"{result.test}: passes now; remove it from "
                              f"{arguments.known_failures.name}")
        elif listed:
            row["known"][entry.area] = row["known"].get(entry.area, 0) + 1
            if arguments.verbose:
                print(f"known failure: {result.test} ({entry.area}: {entry.reason}): "
                      f"{result.reason}\n{result.details}")
        else:
            row["failed"] += 1
            errors.append(f"{result.test}: {result.reason}\n{result.details}".rstrip())

    if arguments.update_known_failures:
        ran = {result.test: result for result in results}
        for test, result in ran.items():
            entry = known.get(test)
            if result.kind == "failed":
                if entry is None:
                    area, reason = guess_area(result)
                    known[test] = KnownFailure(test, {compiler}, area, reason)
                else:
                    entry.compilers.add(compiler)
            elif result.kind == "passed" and entry is not None:
                # A test the reference skipped this time keeps its entry: see `notes`.
                entry.compilers.discard(compiler)
                if not entry.compilers:
                    del known[test]
        write_known_failures(arguments.known_failures, known)
        print(f"wrote {arguments.known_failures.relative_to(ROOT)} "
              f"({len(known)} tests listed)")
        errors = [error for error in errors if "passes now" not in error
                  and not any(error.startswith(test + ":") for test in ran
                              if ran[test].kind == "failed")]

    for note in notes:
        print(f"note: {note}")
    for error in errors:
        print(f"FAIL {error}")

    print()
    print(f"MicroPython suite on {arguments.xipy}, compiled by mpy-cross {compiler}")
    header = f"{'folder':<13}{'passed':>7}{'failed':>7}{'known':>7}{'skipped':>8}  " \
             f"known failures by area"
    print(header)
    print("-" * (len(header) + 20))
    total = {"passed": 0, "failed": 0, "known": {}, "skipped": 0, "differs": 0}
    for folder in SUITE_FOLDERS:
        if folder not in counts:
            continue
        row = counts[folder]
        for name in ("passed", "failed", "skipped", "differs"):
            total[name] += row[name]
        for area, count in row["known"].items():
            total["known"][area] = total["known"].get(area, 0) + count
        print_row(folder, row)
    print("-" * (len(header) + 20))
    print_row("total", total)
    runs = total["passed"] + total["failed"] + sum(total["known"].values())
    if runs:
        print(f"xipy passes {total['passed']} of the {runs} tests the reference runs "
              f"({100 * total['passed'] / runs:.1f}%). Skipped: the reference prints SKIP, "
              f"fails or times out, the compiler rejects the test, or it cannot be compared.")
    core = [counts[folder] for folder in CORE_FOLDERS if folder in counts]
    core_runs = sum(row["passed"] + row["failed"] + sum(row["known"].values()) for row in core)
    if core_runs:
        core_passed = sum(row["passed"] for row in core)
        print(f"{', '.join(CORE_FOLDERS)}: {core_passed} of {core_runs} "
              f"({100 * core_passed / core_runs:.1f}%)")
    crashes = sorted(result.test for result in results if result.crashed)
    if crashes:
        print(f"xipy crashed (a signal or a sanitizer report) on {len(crashes)} tests, listed "
              f"or not: {', '.join(crashes)}")
    if arguments.verbose:
        slowest = sorted(results, key=lambda result: -result.seconds)[:5]
        print("slowest on xipy: " + ", ".join(f"{result.test} {result.seconds:.1f} s"
                                              for result in slowest))
    if compiler != COMPILERS[0]:
        differing = sorted(result.test for result in results if result.reference_differs)
        print(f"{len(differing)} tests where the reference's output for the v6.0 file differs "
              f"from its output for the v6.3 file: {', '.join(differing) or 'none'}")
    print(f"{time.monotonic() - started:.0f} s ({compiled_seconds:.0f} s mirroring and "
          f"compiling), {arguments.jobs} jobs")
    if errors:
        print(f"{len(errors)} errors (unlisted failures or stale known-failure entries)")
        return 1
    return 0


def print_row(name, row):
    known = sum(row["known"].values())
    areas = ", ".join(f"{area} {count}" for area, count in sorted(row["known"].items()))
    print(f"{name:<13}{row['passed']:>7}{row['failed']:>7}{known:>7}{row['skipped']:>8}  {areas}")


if __name__ == "__main__":
    sys.exit(main())
