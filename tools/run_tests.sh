#!/usr/bin/env bash
# Runs every check of `make test` in order, stops at the first failure, ends with a summary.
#
# The last line printed is always "N passed, M failed" (M is 0 or 1, since the
# run stops at the first failure); CI reads that line. Steps count as passed
# only when they ran: a step whose tool does not exist yet is reported as
# skipped and counted in neither number.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
make_command=${MAKE:-make}
make_quietly=("$make_command" --no-print-directory)

# Counted from this file, so adding a step cannot leave the count stale.
total_steps=$(grep -c '^step ' "$root/tools/run_tests.sh")
step_number=0
passed=0
run_started=$SECONDS

header() {
    step_number=$((step_number + 1))
    echo
    echo "==== [$step_number/$total_steps] $1 ===="
}

# step TITLE COMMAND...: runs one check; on failure prints the summary and exits.
step() {
    local title=$1
    shift
    header "$title"
    local started=$SECONDS
    if "$@"; then
        passed=$((passed + 1))
        echo "---- ok: $title ($((SECONDS - started)) s)"
    else
        echo "---- FAILED: $title ($((SECONDS - started)) s)" >&2
        echo
        echo "make test stopped at step $step_number of $total_steps: $title"
        echo "$passed passed, 1 failed"
        exit 1
    fi
}

build_and_unit_test() {
    "${make_quietly[@]}" "$1"
}

# The release binary: this check spawns some 3,000 processes, where ASan's start-up cost
# quadrupled the step's time. The disassembler meets damaged input under ASan in the
# load_verify fuzzer, which writes every image it loads as text.
check_disassembly() {
    "$PYTHON" tools/check_disassembly.py build/xipy build/corpus --jobs 2
}

PYTHON=${PYTHON:-python3}

step "setup: reference toolchain and 32-bit compiler" tools/setup.sh reference multilib
step "format check (clang-format)" tools/check_format.sh
step "layer check (cmake/layers.cmake)" "$PYTHON" tools/check_layers.py
# The layer table of docs/architecture.md is generated from cmake/layers.cmake; fail if stale.
step "architecture table: docs/architecture.md matches cmake/layers.cmake" \
    "$PYTHON" tools/architecture_table.py --check
# Every builtin, method and module member xipy promises is exercised by some program.
step "name coverage: every promised library name is used by a conformance program" \
    "$PYTHON" tools/check_name_coverage.py
step "compile the corpus (reference mpy-cross -> build/corpus)" "${make_quietly[@]}" corpus
step "release build (g++, -Werror) and unit tests" build_and_unit_test unit-release
# The compiler's parse trees against MicroPython's over its tests and ours; the count of
# identical files is a floor (tests/compiler/parse_tree_floor.txt) that may only rise.
step "parse trees: build/xipy against MicroPython's (tools/check_parse_trees.py)" \
    "$PYTHON" tools/check_parse_trees.py --xipy build/xipy --jobs 2
step "sanitizer build (clang++, ASan+UBSan, -Werror) and unit tests" \
    build_and_unit_test unit-sanitize
step "embed: \`xipy embed\` writes a C array header a C compiler reads back" \
    tools/check_embed.sh build/xipy
step "disassembly check: every corpus instruction decodes (build/xipy)" check_disassembly
# The compiler's back end rebuilds mpy-cross 1.29's files through its emitter and writer; the
# share of byte-identical files may only rise (tests/compiler_round_trip/identical_floor.txt).
step "compiler round trip: mpy-cross's .mpy files rebuilt byte for byte (floor only rises)" \
    "$PYTHON" tools/compiler_round_trip.py
# The whole compiler (`xipy compile`) against mpy-cross over the same sources: the share of
# byte-identical files may only rise (tests/compiler/compile_identical_floor.txt), files that
# differ must verify, and sources mpy-cross rejects are rejected alike (type and line).
step "compiler: \`xipy compile\` against mpy-cross byte for byte (floor only rises)" \
    "$PYTHON" tools/compiler_comparison.py --xipy build/xipy --jobs 2
# Every corpus program on the sanitizer build, against the reference's outputs; no skips.
step "conformance: build-asan/xipy over the corpus (tools/run_conformance.py)" \
    "$PYTHON" tools/run_conformance.py build-asan/xipy --corpus build/corpus --jobs 2
# The status table in docs/compatibility.md is generated from what xipy has; fail if stale.
step "compatibility table: docs/compatibility.md matches build-asan/xipy" \
    "$PYTHON" tools/compatibility_table.py --check build-asan/xipy
# GC stress: the same corpus collecting before every allocation (XIPY_GC_STRESS=1, read by
# `xipy run`), so a value the runtime forgot to root becomes a use-after-free ASan reports.
step "GC stress: the corpus collecting before every allocation (build-asan/xipy)" \
    env XIPY_GC_STRESS=1 "$PYTHON" tools/run_conformance.py build-asan/xipy --corpus build/corpus \
    --jobs 2
# Side tables off (xipy_config.side_tables = 0): every lookup takes the uncached path, and the
# outputs must not change.
step "no side tables: the corpus without inline caches, class lookups or spare pages (build/xipy)" \
    "$PYTHON" tools/run_conformance.py build/xipy --corpus build/corpus --jobs 2 \
    --run-option=--no-side-tables
# MicroPython's own tests (../shared/micropython), compiled by mpy-cross 1.29 and 1.19, on the
# sanitizer build against native MicroPython, with tests/micropython_suite/known_failures.txt.
step "MicroPython's test suite: build-asan/xipy against native MicroPython (make micropython-suite)" \
    "${make_quietly[@]}" micropython-suite
# Multi-module programs (tests/imports/) from host folders and ROMFS images, both ways
# compatible with MicroPython's images, and corrupt images.
step "imports: multi-module programs, ROMFS images both ways, corrupt images (build/xipy)" \
    "$PYTHON" tools/import_tests.py build/xipy
# What importing pystone from a ROMFS image leaves on the heap (gc.mem_alloc()), against a byte
# ceiling (tests/import_memory/pystone_romfs_ceiling.txt) that may only fall; never a time.
step "import memory: pystone from a ROMFS image within its heap ceiling (build/xipy)" \
    "$PYTHON" tools/load_cost.py --build build --check-ceiling
# MicroPython's tests/cmdline: the REPL typed on a pseudo-terminal, -c, -m and files, against
# the reference binary, with tests/micropython_suite/cmdline_known_failures.txt.
step "command line and REPL: MicroPython's tests/cmdline on build/xipy (tools/cmdline_tests.py)" \
    "$PYTHON" tools/cmdline_tests.py build/xipy

# The process stays within the heap limit plus the documented allowance (docs/vm-internals.md).
step "resident memory: memory-hungry programs within the heap limit plus 8 MiB (build/xipy)" \
    "$PYTHON" tools/resident_memory.py --xipy build/xipy

# The installed package: out-of-tree C and C++ hosts through find_package, pkg-config and
# FetchContent, with a library configured as consumers build it (no tests, no Node).
step "package: install and build out-of-tree hosts against it (make package)" \
    "${make_quietly[@]}" package
# 8 threads with a VM each and a cross-thread interrupt, a program's own threads, socket waits and
# MicroPython's thread/ tests, under ThreadSanitizer.
step "ThreadSanitizer: threads with a VM each, threads of one VM, MicroPython's thread/ tests (make tsan)" \
    "${make_quietly[@]}" tsan
step "core-only build with -fno-exceptions -fno-rtti" "${make_quietly[@]}" noexcept
step "32-bit build (-m32, the 32-bit Value word) and unit tests" build_and_unit_test unit-m32
# The 32-bit Value word (floats boxed, 31-bit small ints) on the corpus and on MicroPython's
# suite, as the 64-bit word runs them above.
step "32-bit word: conformance over the corpus (build-m32/xipy)" \
    "$PYTHON" tools/run_conformance.py build-m32/xipy --corpus build/corpus --jobs 2 \
    --known-failures tests/programs/known_failures_x86_32.txt
# One compiler: what mpy-cross 1.19's files test is the loader, which the word does not change.
step "32-bit word: MicroPython's test suite on build-m32/xipy (make micropython-suite)" \
    "${make_quietly[@]}" micropython-suite MICROPYTHON_SUITE_XIPY=build-m32/xipy \
    MICROPYTHON_SUITE_COMPILERS=1.29
# The example firmware (Cortex-M3, arm-none-eabi) running the corpus under qemu-system-arm.
step "firmware: corpus programs on the mps2-an385 port under QEMU (make firmware-test)" \
    "${make_quietly[@]}" firmware-test
# The firmware profiler's reading of QEMU's execution log (tools/firmware_profile.py).
step "firmware profiler: a made-up QEMU log counted by block and function" \
    "$PYTHON" tests/tools/firmware_profile_test.py
# Corrupted .mpy files must be rejected or run within the limits (`make mutation` runs 10,000).
step "mutation smoke: 1,000 corrupted corpus files on build-asan/xipy" \
    "$PYTHON" tools/mutation_test.py --xipy build-asan/xipy --corpus build/corpus --count 1000
# A fixed seed and input count make the smoke repeatable; long runs are `make fuzz`'s job.
step "fuzz smoke (libFuzzer, 20,000 inputs per target, fixed seed)" \
    "${make_quietly[@]}" fuzz FUZZ_SECONDS=60 FUZZ_RUNS=20000 FUZZ_SEED=1

echo
echo "make test finished in $((SECONDS - run_started)) s"
echo "$passed passed, 0 failed"
