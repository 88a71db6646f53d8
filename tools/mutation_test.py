#!/usr/bin/env python3
"""Mutation test: corrupted corpus .mpy files must be rejected or run within the limits.

Makes COUNT mutants of the compiled corpus (random 1-4-byte changes and truncations, from a
fixed seed, so a run is reproducible) and runs each through `xipy run` with small limits.
A mutant may exit with any status (0 ran, 1 uncaught exception, 2 rejected by the loader or
the verifier, 3 step budget spent, or a SystemExit code). The test FAILS if any run dies
with a signal, prints a sanitizer report, or runs past the timeout; those mutants are kept
in --failures for a regression test.

Usage: tools/mutation_test.py [--xipy build-asan/xipy] [--corpus build/corpus]
                              [--count 10000] [--seed 20260524] [--jobs 2] [--timeout 10]
"""

import argparse
import collections
import concurrent.futures
import os
import pathlib
import random
import subprocess
import sys
import tempfile

LIMITS = ["--heap-size", "1M", "--max-steps", "200000", "--max-depth", "100"]
# What ASan, UBSan and LeakSanitizer print; UBSan may recover and exit normally after it.
SANITIZER_MARKERS = ("AddressSanitizer", "runtime error:", "LeakSanitizer", "UndefinedBehavior")
EXIT_NAMES = {0: "ran to the end (0)", 1: "uncaught exception (1)",
              2: "rejected as a bad file (2)", 3: "step budget spent (3)"}


def mutate(data, rng):
    """One mutant of `data` and a short description of the change."""
    if rng.random() < 0.2 and len(data) > 1:
        length = rng.randrange(1, len(data))
        return data[:length], f"truncated to {length} bytes"
    mutant = bytearray(data)
    changes = []
    for _ in range(rng.randint(1, 4)):
        offset = rng.randrange(len(mutant))
        if rng.random() < 0.5:
            bit = 1 << rng.randrange(8)
            mutant[offset] ^= bit
            changes.append(f"{offset}^{bit:#x}")
        else:
            mutant[offset] = rng.randrange(256)
            changes.append(f"{offset}={mutant[offset]:#x}")
    return bytes(mutant), "bytes " + " ".join(changes)


def run_one(xipy, work_directory, index, mutant, timeout):
    """Runs one mutant; returns (category, detail), category "crash"/"hang" for failures."""
    path = pathlib.Path(work_directory) / f"mutant{index}.mpy"
    path.write_bytes(mutant)
    try:
        completed = subprocess.run([xipy, "run", *LIMITS, path.name], cwd=work_directory,
                                   stdin=subprocess.DEVNULL, capture_output=True,
                                   timeout=timeout)
    except subprocess.TimeoutExpired:
        return "hang", f"still running after {timeout} s"
    finally:
        path.unlink(missing_ok=True)
    stderr = completed.stderr.decode("utf-8", "replace")
    if completed.returncode < 0:
        return "crash", f"killed by signal {-completed.returncode}\n{stderr[-3000:]}"
    if any(marker in stderr for marker in SANITIZER_MARKERS):
        return "crash", f"sanitizer report\n{stderr[-3000:]}"
    return EXIT_NAMES.get(completed.returncode, "SystemExit code (other)"), ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xipy", default="build-asan/xipy")
    parser.add_argument("--corpus", default="build/corpus")
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=20260524)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--failures", default="build/mutation-failures",
                        help="where mutants that crashed or hung are written")
    arguments = parser.parse_args()

    xipy = os.path.abspath(arguments.xipy)
    if not os.access(xipy, os.X_OK):
        sys.exit(f"mutation_test: no executable {arguments.xipy}")
    sources = sorted(pathlib.Path(arguments.corpus).rglob("*.mpy"))
    if not sources:
        sys.exit(f"mutation_test: no .mpy files under {arguments.corpus}")
    originals = [(source, source.read_bytes()) for source in sources]

    # All mutants come from one generator in a fixed order, so the seed alone decides them.
    rng = random.Random(arguments.seed)
    mutants = []
    for _ in range(arguments.count):
        source, data = originals[rng.randrange(len(originals))]
        mutant, change = mutate(data, rng)
        mutants.append((source, change, mutant))

    counts = collections.Counter()
    failures = []
    # Mutated programs may write files (open() is granted on the command line): keep them in
    # a scratch directory.
    with tempfile.TemporaryDirectory(prefix="xipy-mutation-") as work_directory:
        with concurrent.futures.ThreadPoolExecutor(max_workers=arguments.jobs) as pool:
            futures = {
                pool.submit(run_one, xipy, work_directory, index, mutant, arguments.timeout): index
                for index, (_, _, mutant) in enumerate(mutants)
            }
            for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
                index = futures[future]
                category, detail = future.result()
                counts[category] += 1
                if category in ("crash", "hang"):
                    failures.append((index, category, detail))
                if done % 1000 == 0:
                    print(f"mutation_test: {done}/{len(mutants)} run", flush=True)

    if failures:
        failure_directory = pathlib.Path(arguments.failures)
        failure_directory.mkdir(parents=True, exist_ok=True)
        for index, category, detail in sorted(failures):
            source, change, mutant = mutants[index]
            name = f"mutant{index}_{category}"
            (failure_directory / f"{name}.mpy").write_bytes(mutant)
            (failure_directory / f"{name}.txt").write_text(
                f"from {source}, {change}\n{detail}\n")
            print(f"FAIL {name}: {category} ({source}, {change})")
            print("    " + detail.strip().replace("\n", "\n    ")[:1500])

    print(f"mutation_test: {len(mutants)} mutants of {len(sources)} corpus files, "
          f"seed {arguments.seed}")
    for category in sorted(counts):
        print(f"  {counts[category]:6d}  {category}")
    crashes, hangs = counts["crash"], counts["hang"]
    print(f"mutation_test: {crashes} crashes, {hangs} hangs")
    if failures:
        print(f"mutation_test: failing mutants written to {arguments.failures}/")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
