#!/usr/bin/env python3
"""Checks `xipy dis` against a corpus of reference-compiled .mpy files.

usage: tools/check_disassembly.py XIPY_BINARY CORPUS_DIR [--jobs N]

For every .mpy file under CORPUS_DIR (damaged copies: every fourth file):
  * `XIPY_BINARY dis --json FILE` must exit 0 and print valid JSON in which,
    for every raw code, the instructions are contiguous from offset 0 and the
    last one ends exactly at `bytecode_length`;
  * the text form must exit 0 too;
  * copies truncated at a few lengths and copies with mutated bytes must make
    the binary exit 0 or 1 (never another status, never a signal).
Opcode names never seen in the corpus are reported as information only.
Prints `disassembly checks: N ok, M failed` and exits 1 if anything failed (the plain
"N passed, M failed" line is left to tools/run_tests.sh, the last line CI reads).
"""

import argparse
import concurrent.futures
import json
import os
import random
import subprocess
import sys
import tempfile
import threading

# Every opcode name xipy's table defines (src/image/opcodes.hpp); used only to
# report which ones the corpus never exercises.
ALL_OPCODE_NAMES = """
LOAD_CONST_STRING LOAD_NAME LOAD_GLOBAL LOAD_ATTR LOAD_METHOD LOAD_SUPER_METHOD STORE_NAME
STORE_GLOBAL STORE_ATTR DELETE_NAME DELETE_GLOBAL IMPORT_NAME IMPORT_FROM MAKE_CLOSURE
MAKE_CLOSURE_DEFARGS LOAD_CONST_SMALL_INT LOAD_CONST_OBJ LOAD_FAST_N LOAD_DEREF STORE_FAST_N
STORE_DEREF DELETE_FAST DELETE_DEREF BUILD_TUPLE BUILD_LIST BUILD_MAP BUILD_SET BUILD_SLICE
STORE_COMP UNPACK_SEQUENCE UNPACK_EX MAKE_FUNCTION MAKE_FUNCTION_DEFARGS CALL_FUNCTION
CALL_FUNCTION_VAR_KW CALL_METHOD CALL_METHOD_VAR_KW UNWIND_JUMP JUMP POP_JUMP_IF_TRUE
POP_JUMP_IF_FALSE JUMP_IF_TRUE_OR_POP JUMP_IF_FALSE_OR_POP SETUP_WITH SETUP_EXCEPT SETUP_FINALLY
POP_EXCEPT_JUMP FOR_ITER LOAD_CONST_FALSE LOAD_CONST_NONE LOAD_CONST_TRUE LOAD_NULL
LOAD_BUILD_CLASS LOAD_SUBSCR STORE_SUBSCR DUP_TOP DUP_TOP_TWO POP_TOP ROT_TWO ROT_THREE
WITH_CLEANUP END_FINALLY GET_ITER GET_ITER_STACK STORE_MAP RETURN_VALUE RAISE_LAST RAISE_OBJ
RAISE_FROM YIELD_VALUE YIELD_FROM IMPORT_STAR LOAD_CONST_SMALL_INT_MULTI LOAD_FAST_MULTI
STORE_FAST_MULTI UNARY_OP_MULTI BINARY_OP_MULTI
""".split()

TIMEOUT_SECONDS = 20
MUTATIONS_PER_FILE = 8
DAMAGED_FILE_STRIDE = 4


class Checker:
    """Runs the checks; each check returns a failure line or None, so checks can run on
    several threads and be counted afterwards in a fixed order."""

    def __init__(self, binary, directory):
        self.binary = binary
        self.directory = directory
        self.seen_opcodes = set()
        self.lock = threading.Lock()
        self.damaged_count = 0

    def run(self, arguments):
        """Runs the binary; returns (status, stdout, stderr) or None on timeout."""
        try:
            completed = subprocess.run(
                [self.binary, *arguments], capture_output=True, timeout=TIMEOUT_SECONDS
            )
        except subprocess.TimeoutExpired:
            return None
        return completed.returncode, completed.stdout, completed.stderr

    def check_code(self, path, code, seen):
        """Returns a failure reason for one raw code and its children, or None."""
        expected_offset = 0
        for instruction in code["instructions"]:
            seen.add(instruction["name"])
            if instruction["offset"] != expected_offset:
                return (
                    f"{code['name']}: instruction at {instruction['offset']}, "
                    f"expected {expected_offset}"
                )
            if instruction["length"] < 1:
                return f"{code['name']}: instruction at {instruction['offset']} has no length"
            expected_offset += instruction["length"]
        if expected_offset != code["bytecode_length"]:
            return (
                f"{code['name']}: instructions end at {expected_offset}, "
                f"bytecode_length is {code['bytecode_length']}"
            )
        for child in code["children"]:
            reason = self.check_code(path, child, seen)
            if reason:
                return reason
        return None

    def check_file(self, path):
        result = self.run(["dis", "--json", path])
        if result is None:
            return f"FAIL {path}: timed out"
        status, output, errors = result
        if status != 0:
            return f"FAIL {path}: exit status {status}: {errors.decode(errors='replace')}"
        try:
            document = json.loads(output)
        except ValueError as error:
            return f"FAIL {path}: invalid JSON: {error}"
        if document.get("raw_code") is None:
            return f"FAIL {path}: no raw code"
        seen = set()
        reason = self.check_code(path, document["raw_code"], seen)
        with self.lock:
            self.seen_opcodes |= seen
        if reason:
            return f"FAIL {path}: {reason}"
        text = self.run(["dis", path])
        if text is None or text[0] != 0:
            return f"FAIL {path}: text listing failed"
        return None

    def check_damaged(self, path, data, label):
        with self.lock:
            self.damaged_count += 1
            number = self.damaged_count
        damaged_path = os.path.join(self.directory, f"damaged-{number}.mpy")
        with open(damaged_path, "wb") as stream:
            stream.write(data)
        try:
            for arguments in (["dis", "--json", damaged_path], ["dis", damaged_path]):
                result = self.run(arguments)
                what = f"{path} ({label})"
                if result is None:
                    return f"FAIL {what}: timed out"
                if result[0] not in (0, 1):
                    return f"FAIL {what}: exit status {result[0]} (negative means a signal)"
        finally:
            os.remove(damaged_path)
        return None


def damaged_copies(path, generator):
    """Yields (label, data) for truncated and mutated copies of the file at `path`."""
    with open(path, "rb") as stream:
        data = stream.read()
    for length in sorted({0, 1, 3, 4, 5, len(data) // 3, len(data) // 2, len(data) - 1}):
        if 0 <= length < len(data):
            yield f"truncated to {length}", data[:length]
    for mutation in range(MUTATIONS_PER_FILE):
        if not data:
            break
        mutated = bytearray(data)
        for _ in range(1 + mutation % 3):
            mutated[generator.randrange(len(mutated))] = generator.randrange(256)
        yield f"mutation {mutation}", bytes(mutated)


def main(arguments):
    parser = argparse.ArgumentParser(
        description="Checks `xipy dis` against a corpus of reference-compiled .mpy files."
    )
    parser.add_argument("binary", help="the xipy binary")
    parser.add_argument("corpus", help="folder of .mpy files")
    parser.add_argument("--jobs", type=int, default=2, help="checks run at once (default 2)")
    options = parser.parse_args(arguments)
    files = sorted(
        os.path.join(root, name)
        for root, _, names in os.walk(options.corpus)
        for name in names
        if name.endswith(".mpy")
    )
    failures = []
    if not files:
        failures.append(f"FAIL {options.corpus}: no .mpy files found")
    # A fixed seed makes a failure reproducible: the damaged copies are made here, in order,
    # whatever the number of jobs.
    generator = random.Random(20240601)
    with tempfile.TemporaryDirectory() as directory:
        checker = Checker(options.binary, directory)
        checks = []
        for index, path in enumerate(files):
            checks.append((checker.check_file, (path,)))
            # Damaged copies of every fourth file: each costs two runs of the sanitizer
            # build, and exhaustive damage is covered in-process by the loader's unit tests,
            # tools/mutation_test.py and the fuzzers.
            if index % DAMAGED_FILE_STRIDE == 0:
                for label, data in damaged_copies(path, generator):
                    checks.append((checker.check_damaged, (path, data, label)))
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
            results = list(pool.map(lambda check: check[0](*check[1]), checks))
    failed_checks = [result for result in results if result]
    failures += failed_checks
    for failure in failures:
        print(failure)
    never_seen = sorted(set(ALL_OPCODE_NAMES) - checker.seen_opcodes)
    if never_seen:
        print("opcodes never seen in the corpus (information): " + " ".join(never_seen))
    print(f"disassembly checks: {len(checks) - len(failed_checks)} ok, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
